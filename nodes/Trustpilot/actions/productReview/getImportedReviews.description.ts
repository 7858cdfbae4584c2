import type { INodeProperties } from 'n8n-workflow';

import {
	businessUnitLocator,
	filtersCollection,
	returnAllAndLimit,
} from '../../helpers/descriptions';
import { starsFilter } from '../../helpers/reviewFilters';
import { ENDPOINTS } from '../../../shared/endpoints';
import { languageFilter } from './fields';

export const getImportedReviewsDescription: INodeProperties[] = [
	businessUnitLocator,
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. MUG-CER-01',
		description: 'The product whose imported reviews to list',
	},
	...returnAllAndLimit(ENDPOINTS.importedProductReviews.maxPageSize, 'reviews'),
	filtersCollection([languageFilter, starsFilter]),
];
