import type { IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';
import { getSummariesDescription } from './getSummaries.description';

const endpoint = ENDPOINTS.productReviewSummaries;

export const getSummaries: TrustpilotOperation = {
	option: {
		name: 'Get Summaries',
		value: 'getSummaries',
		action:
			'List the review summary of every product of the company, one per SKU: sku, starsAverage, numberOfReviews; at most Limit. Read-only: changes nothing',
		description:
			'Average stars and review counts of every reviewed product, one item per SKU (private)',
	},
	description: getSummariesDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// The Limit is checked before the business unit is looked up: a bad one sends nothing.
		return await fetchList(this, itemIndex, endpoint, {
			parameters: async () => ({ businessUnitId: await readBusinessUnitId(this, itemIndex) }),
		});
	},
};
