import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import {
	readInvitationTags,
	readText,
	requireHttpUrl,
	requireLocale,
} from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { LINK_CUSTOMER, readCustomer } from '../../../shared/customer';
import { generateServiceReviewLinkDescription } from './generateServiceReviewLink.description';

export const generateServiceReviewLink: TrustpilotOperation = {
	option: {
		name: 'Generate Service Review Link',
		value: 'generateServiceReviewLink',
		action:
			'Create a personal link to review the company for one customer (email, name, order reference); nothing is sent. Returns id and url (the link to give the customer). Writes: creates an invitation link',
		description: 'Create a personal link to review your company, to send in your own email or SMS',
	},
	description: generateServiceReviewLinkDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const customer = readCustomer(this, itemIndex, LINK_CUSTOMER);
		const body: IDataObject = {
			email: customer.email,
			name: customer.name,
			referenceId: customer.reference,
			locale: requireLocale(this, itemIndex, 'Locale', this.getNodeParameter('locale', itemIndex)),
		};
		const tags = readInvitationTags(this, itemIndex, 'Tags', fields.tags);
		if (tags.length) body.tags = tags;
		if (String(fields.redirectUri ?? '').trim())
			body.redirectUri = requireHttpUrl(this, itemIndex, 'Redirect URI', fields.redirectUri);
		const locationId = readText(this, itemIndex, 'Location ID', fields.locationId);
		if (locationId) body.locationId = locationId;
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
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
