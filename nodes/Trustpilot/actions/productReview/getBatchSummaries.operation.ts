import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { businessUnitLocator } from '../../helpers/descriptions';
import { readList, requireText } from '../../../shared/validate';
import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';

const description: INodeProperties[] = [
	businessUnitLocator,
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L, MUG-CER-01',
		description: 'The SKUs to summarise, separated by commas (or an array from an expression)',
	},
];

export const getBatchSummaries: TrustpilotOperation = {
	option: {
		name: 'Get Batch Summaries',
		value: 'getBatchSummaries',
		action:
			'Get review summaries for the given SKUs, one per SKU: sku, starsAverage, numberOfReviews. Read-only: changes nothing',
		description:
			'Average stars and review counts of several products in one request, one item per SKU (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const unique = [
			...new Set(readList(this, itemIndex, 'SKUs', this.getNodeParameter('skus', itemIndex))),
		];
		const skus = requireText(this, itemIndex, 'SKUs', unique.join(',')).split(',');
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
