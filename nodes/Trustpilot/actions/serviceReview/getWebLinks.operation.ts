import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredLocaleField } from '../../helpers/descriptions';
import { requireTextParameter } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId, serviceReviewIdField } from './fields';

const description: INodeProperties[] = [
	serviceReviewIdField,
	requiredLocaleField('Language and country of the Trustpilot site the links point to, e.g. da-DK'),
];

export const getWebLinks: TrustpilotOperation = {
	option: {
		name: 'Get Web Links',
		value: 'getWebLinks',
		action: 'Get the web links of a service review',
		description: 'Links to the review on the Trustpilot website for a locale (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const locale = requireTextParameter(this, itemIndex, 'locale', 'Locale');
		const response = await trustpilotJson(this, {
			method: 'GET',
			path: `/reviews/${reviewId}/web-links`,
			qs: { locale },
			itemIndex,
		});
		return { reviewId, ...response };
	},
};
