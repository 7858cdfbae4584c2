import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getBusinessUnitId, getLimit } from '../../helpers/businessUnit';
import { privateBusinessUnitLocator, returnAllAndLimit } from '../../helpers/descriptions';
import { trustpilotList } from '../../transport/pagination';
import type { TrustpilotOperation } from '../types';
import { SUMMARIES_PER_PAGE } from './shared';

const description: INodeProperties[] = [
	privateBusinessUnitLocator,
	...returnAllAndLimit(SUMMARIES_PER_PAGE, 'summaries'),
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
		const businessUnitId = await getBusinessUnitId(this, itemIndex);
		return await trustpilotList(
			this,
			{
				method: 'GET',
				path: `/private/product-reviews/business-units/${businessUnitId}/summaries`,
				access: 'private',
				itemIndex,
				itemsKey: 'summaries',
				style: 'links',
				maxPageSize: SUMMARIES_PER_PAGE,
			},
			getLimit(this, itemIndex),
		);
	},
};
