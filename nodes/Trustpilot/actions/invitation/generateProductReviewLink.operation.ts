import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getBusinessUnitId } from '../../helpers/businessUnit';
import { privateBusinessUnitLocator } from '../../helpers/descriptions';
import { requireEmail, requireHttpUrl, requireText } from '../../helpers/validation';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { customerFields, productFields, redirectUriField } from './fields';
import { readProducts, requireLocale } from './values';

const description: INodeProperties[] = [
	privateBusinessUnitLocator,
	...customerFields,
	...productFields(false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [redirectUriField('product reviews')],
	},
];

export const generateProductReviewLink: TrustpilotOperation = {
	option: {
		name: 'Generate Product Review Link',
		value: 'generateProductReviewLink',
		action: 'Generate a product review link',
		description: 'Create a personal link to review the products a customer bought',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const input = this.getNodeParameter('productInput', itemIndex, 'details') as string;
		const body: IDataObject = {
			consumer: {
				email: requireEmail(this, itemIndex, 'Customer Email', this.getNodeParameter('email', itemIndex)),
				name: requireText(this, itemIndex, 'Customer Name', this.getNodeParameter('name', itemIndex)),
			},
			referenceId: requireText(this, itemIndex, 'Reference ID', this.getNodeParameter('referenceId', itemIndex)),
			locale: requireLocale(this, itemIndex, 'Locale', this.getNodeParameter('locale', itemIndex)),
			products: readProducts(this, itemIndex, input),
		};
		if (String(fields.redirectUri ?? '').trim()) body.redirectUri = requireHttpUrl(this, itemIndex, 'Redirect URI', fields.redirectUri);
		const businessUnitId = await getBusinessUnitId(this, itemIndex);
		// Unlike the other invitation calls, this one lives on the main API host.
		return await trustpilotJson(this, {
			method: 'POST',
			host: 'api',
			path: `/private/product-reviews/business-units/${businessUnitId}/invitation-links`,
			body,
			access: 'private',
			// Creating a link sends nothing to the customer, so a second one after a retry is harmless.
			idempotent: true,
			itemIndex,
		});
	},
};
