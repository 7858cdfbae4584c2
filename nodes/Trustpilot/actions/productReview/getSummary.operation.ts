import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { readList, readOption, requireHttpUrl, requireText } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { getSummaryDescription } from './getSummary.description';

export const getSummary: TrustpilotOperation = {
	option: {
		name: 'Get Summary',
		value: 'getSummary',
		action:
			"Get the review summary of one product (or several SKUs combined): starsAverage, numberOfReviews (total and per star). Use it for 'how is product X rated'. Read-only: changes nothing",
		description: 'Average stars and review counts of a product (public)',
	},
	description: getSummaryDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs: IDataObject = {};
		const productBy = readOption(
			this,
			itemIndex,
			'Product By',
			this.getNodeParameter('productBy', itemIndex),
			['sku', 'productUrl'] as const,
			'sku',
		);
		if (productBy === 'productUrl') {
			qs.productUrl = requireHttpUrl(
				this,
				itemIndex,
				'Product URL',
				this.getNodeParameter('productUrl', itemIndex),
			);
		} else {
			const skus = readList(this, itemIndex, 'SKU', this.getNodeParameter('sku', itemIndex));
			qs.sku = requireText(this, itemIndex, 'SKU', skus.join(','));
		}
		// Checked before the business unit is looked up: a bad SKU or URL sends nothing.
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/product-reviews/business-units/${businessUnitId}`,
			qs,
			itemIndex,
		});
	},
};
