import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getBusinessUnitId } from '../../helpers/businessUnit';
import { privateBusinessUnitLocator } from '../../helpers/descriptions';
import {
	parseTags,
	readText,
	requireEmail,
	requireHttpUrl,
	requireText,
} from '../../helpers/validation';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { customerFields, locationIdField, redirectUriField, tagsField } from './fields';
import { requireLocale } from './values';

const description: INodeProperties[] = [
	privateBusinessUnitLocator,
	...customerFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [locationIdField, redirectUriField('review'), tagsField],
	},
];

export const generateServiceReviewLink: TrustpilotOperation = {
	option: {
		name: 'Generate Service Review Link',
		value: 'generateServiceReviewLink',
		action: 'Generate a service review link',
		description: 'Create a personal link to review your company, to send in your own email or SMS',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			email: requireEmail(
				this,
				itemIndex,
				'Customer Email',
				this.getNodeParameter('email', itemIndex),
			),
			name: requireText(this, itemIndex, 'Customer Name', this.getNodeParameter('name', itemIndex)),
			referenceId: requireText(
				this,
				itemIndex,
				'Reference ID',
				this.getNodeParameter('referenceId', itemIndex),
			),
			locale: requireLocale(this, itemIndex, 'Locale', this.getNodeParameter('locale', itemIndex)),
		};
		const tags = parseTags(this, itemIndex, 'Tags', fields.tags);
		if (tags.length) body.tags = tags;
		if (String(fields.redirectUri ?? '').trim())
			body.redirectUri = requireHttpUrl(this, itemIndex, 'Redirect URI', fields.redirectUri);
		const locationId = readText(this, itemIndex, 'Location ID', fields.locationId);
		if (locationId) body.locationId = locationId;
		const businessUnitId = await getBusinessUnitId(this, itemIndex);
		return await trustpilotJson(this, {
			method: 'POST',
			host: 'invitations',
			path: `/private/business-units/${businessUnitId}/invitation-links`,
			body,
			access: 'private',
			// Creating a link sends nothing to the customer, so a second one after a retry is harmless.
			idempotent: true,
			itemIndex,
		});
	},
};
