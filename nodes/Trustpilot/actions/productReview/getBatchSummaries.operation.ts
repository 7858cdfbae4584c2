import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { readList, requireText } from '../../../shared/validate';
import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { getBatchSummariesDescription } from './getBatchSummaries.description';

export const getBatchSummaries: TrustpilotOperation = {
	option: {
		name: 'Get Batch Summaries',
		value: 'getBatchSummaries',
		action:
			'Get review summaries for the given SKUs, one per SKU: sku, starsAverage, numberOfReviews. Read-only: changes nothing',
		description:
			'Average stars and review counts of several products in one request, one item per SKU (public)',
	},
	description: getBatchSummariesDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const unique = [
			...new Set(readList(this, itemIndex, 'SKUs', this.getNodeParameter('skus', itemIndex))),
		];
		const skus = requireText(this, itemIndex, 'SKUs', unique.join(',')).split(',');
		// Checked before the business unit is looked up: an empty SKU list sends nothing.
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const { body } = await trustpilotRequest(this, {
			method: 'POST',
			path: `/product-reviews/business-units/${businessUnitId}/batch-summaries`,
			body: { skus },
			// A POST only because the SKU list can be long: it reads and changes nothing, so retrying is safe.
			idempotent: true,
			itemIndex,
		});
		const summaries = Array.isArray(body) ? body : (body?.summaries as IDataObject[] | undefined);
		if (Array.isArray(summaries)) return summaries;
		return body ?? { skus, summaries: [] };
	},
};
