import type { INodeProperties } from 'n8n-workflow';

import {
	simplifyToggle,
	optionalLocaleField,
	additionalFieldsCollection,
} from '../../helpers/descriptions';
import { ENDPOINTS } from '../../../shared/endpoints';

const MAX_COUNT = ENDPOINTS.latestReviews.maxCount;

export const getLatestDescription: INodeProperties[] = [
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
