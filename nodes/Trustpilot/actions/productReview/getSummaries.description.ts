import type { INodeProperties } from 'n8n-workflow';

import { privateBusinessUnitLocator, returnAllAndLimit } from '../../helpers/descriptions';
import { ENDPOINTS } from '../../../shared/endpoints';

export const getSummariesDescription: INodeProperties[] = [
	privateBusinessUnitLocator,
	...returnAllAndLimit(ENDPOINTS.productReviewSummaries.maxPageSize, 'summaries'),
];
