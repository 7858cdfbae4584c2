import type { INodeProperties } from 'n8n-workflow';

import { businessUnitLocator, requiredSkuField } from '../../helpers/descriptions';

export const getSummaryDescription: INodeProperties[] = [
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
	requiredSkuField('One SKU, or several separated by commas for one combined summary', {
		show: { productBy: ['sku'] },
	}),
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
