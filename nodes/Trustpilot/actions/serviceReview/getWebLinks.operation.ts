import type { IExecuteFunctions } from 'n8n-workflow';

import { requireLocale } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId } from './fields';
import { getWebLinksDescription } from './getWebLinks.description';

export const getWebLinks: TrustpilotOperation = {
	option: {
		name: 'Get Web Links',
		value: 'getWebLinks',
		action: 'Get the web links of a service review',
		description: 'Links to the review on the Trustpilot website for a locale (public)',
	},
	description: getWebLinksDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const locale = requireLocale(
			this,
			itemIndex,
			'Locale',
			this.getNodeParameter('locale', itemIndex),
		);
		const response = await trustpilotJson(this, {
			method: 'GET',
			path: `/reviews/${reviewId}/web-links`,
			qs: { locale },
			itemIndex,
		});
		return { reviewId, ...response };
	},
};
