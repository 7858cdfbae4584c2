import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { businessUnitLocator } from '../../helpers/descriptions';
import { readList, requireHttpUrl, requireText } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';

const description: INodeProperties[] = [
	businessUnitLocator,
	{
		displayName: 'Product By',
		name: 'productBy',
		type: 'options',
		description: 'How to identify the product',
		options: [
			{
				name: 'SKU',
				value: 'sku',
				description: 'One SKU, or several separated by commas for a combined summary',
			},
			{ name: 'Product URL', value: 'productUrl', description: 'The address of the product page' },
		],
		default: 'sku',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-BLK-M',
		description: 'One SKU, or several separated by commas for one combined summary',
		displayOptions: { show: { productBy: ['sku'] } },
	},
	{
		displayName: 'Product URL',
		name: 'productUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://www.example.com/products/t-shirt',
		description: 'The product page address, as sent with the product invitations',
		displayOptions: { show: { productBy: ['productUrl'] } },
	},
];

export const getSummary: TrustpilotOperation = {
	option: {
		name: 'Get Summary',
		value: 'getSummary',
		action:
			"Get the review summary of one product (or several SKUs combined): starsAverage, numberOfReviews (total and per star). Use it for 'how is product X rated'. Read-only: changes nothing",
		description: 'Average stars and review counts of a product (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const qs: IDataObject = {};
		if (this.getNodeParameter('productBy', itemIndex) === 'productUrl') {
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
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/product-reviews/business-units/${businessUnitId}`,
			qs,
			itemIndex,
		});
	},
};
