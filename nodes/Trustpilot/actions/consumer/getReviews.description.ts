import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit, simplifyToggle } from '../../helpers/descriptions';
import { reviewOrderByField, starsFilter } from '../../helpers/reviewFilters';
import { ENDPOINTS } from '../../../shared/endpoints';
import { consumerIdField } from './fields';

export const getReviewsDescription: INodeProperties[] = [
	consumerIdField,
	...returnAllAndLimit(ENDPOINTS.consumerReviews.maxPageSize, 'reviews'),
	simplifyToggle,
	filtersCollection([
		{
			displayName: 'Business Unit ID',
			name: 'businessUnitId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 46d6a890000064000500e0c3',
			description: "Only the consumer's reviews of this company",
		},
		{
			displayName: 'Include Reported Reviews',
			name: 'includeReportedReviews',
			type: 'boolean',
			default: true,
			description: 'Whether to include reviews that were reported (flagged) to Trustpilot',
		},
		{
			displayName: 'Languages',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'e.g. en,da',
			description: 'Only reviews in these languages: two-letter codes separated by commas',
		},
		reviewOrderByField,
		starsFilter,
	]),
];
