import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readProductInput, readProducts } from './fields';
import { LINK_CUSTOMER, readCustomer } from '../../../shared/customer';
import { requireHttpUrl, requireLocale } from '../../../shared/validate';
import { generateProductReviewLinkDescription } from './generateProductReviewLink.description';

export const generateProductReviewLink: TrustpilotOperation = {
	option: {
		name: 'Generate Product Review Link',
		value: 'generateProductReviewLink',
		action:
			'Create a personal link to review the products of one order (customer email, name, order reference, products by SKU); nothing is sent. Returns reviewLinkId and reviewUrl. Writes: creates an invitation link',
		description: 'Create a personal link to review the products a customer bought',
	},
	description: generateProductReviewLinkDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const input = readProductInput(this, itemIndex, false);
		const customer = readCustomer(this, itemIndex, LINK_CUSTOMER);
		const body: IDataObject = {
			consumer: { email: customer.email, name: customer.name },
			referenceId: customer.reference,
			locale: requireLocale(this, itemIndex, 'Locale', this.getNodeParameter('locale', itemIndex)),
			products: readProducts(this, itemIndex, input),
		};
		if (String(fields.redirectUri ?? '').trim())
			body.redirectUri = requireHttpUrl(this, itemIndex, 'Redirect URI', fields.redirectUri);
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
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
