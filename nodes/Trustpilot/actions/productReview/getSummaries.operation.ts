import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { privateBusinessUnitLocator, returnAllAndLimit } from '../../helpers/descriptions';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';

const endpoint = ENDPOINTS.productReviewSummaries;

const description: INodeProperties[] = [
	privateBusinessUnitLocator,
	...returnAllAndLimit(endpoint.maxPageSize, 'summaries'),
];

export const getSummaries: TrustpilotOperation = {
	option: {
		name: 'Get Summaries',
		value: 'getSummaries',
		action:
			'List the review summary of every product of the company, one per SKU: sku, starsAverage, numberOfReviews; at most Limit. Read-only: changes nothing',
		description:
			'Average stars and review counts of every reviewed product, one item per SKU (private)',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		return await fetchList(this, itemIndex, endpoint, { parameters: { businessUnitId } });
	},
};
