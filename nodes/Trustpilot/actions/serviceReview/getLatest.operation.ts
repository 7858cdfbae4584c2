import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../helpers/businessUnit';
import {
	simplifyToggle,
	optionalLocaleField,
	additionalFieldsCollection,
} from '../../helpers/descriptions';
import { requireTextParameter } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { shapeReviews } from './fields';

/** `/reviews/latest` answers with one page only; `count` is capped at 100. */
const MAX_COUNT = 100;

const description: INodeProperties[] = [
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en',
		required: true,
		placeholder: 'e.g. en',
		description: 'ISO 639-1 code of the language of the reviews',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_COUNT },
		default: 50,
		description: 'Max number of results to return',
		hint: `Trustpilot returns at most ${MAX_COUNT} of the latest reviews`,
	},
	simplifyToggle,
	additionalFieldsCollection([
		{
			displayName: 'Only Consumers With Images',
			name: 'filterUsersWithoutImages',
			type: 'boolean',
			default: true,
			description: 'Whether to leave out reviews by consumers without a profile image',
		},
		optionalLocaleField('Locale of the texts in the response'),
	]),
];

export const getLatest: TrustpilotOperation = {
	option: {
		name: 'Get Latest',
		value: 'getLatest',
		action:
			'Get the newest service reviews across all companies on Trustpilot (public), newest first; at most Limit. Each review: id, stars, title, text, language, createdAt, businessUnitId, consumerName, link. Read-only: changes nothing',
		description: 'The newest reviews on Trustpilot in one language, across all companies (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const language = requireTextParameter(this, itemIndex, 'language', 'Language');
		const count = readLimit(this, itemIndex, MAX_COUNT);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { language, count };
		if (typeof additional.locale === 'string' && additional.locale.trim())
			qs.locale = additional.locale.trim();
		if (typeof additional.filterUsersWithoutImages === 'boolean') {
			qs.filterUsersWithoutImages = String(additional.filterUsersWithoutImages);
		}
		const endpoint = ENDPOINTS.latestReviews;
		const response = await trustpilotJson(this, singlePageRequest(endpoint, { qs, itemIndex }));
		const reviews = listItems(endpoint, response);
		return shapeReviews(this, itemIndex, reviews.slice(0, count));
	},
};
