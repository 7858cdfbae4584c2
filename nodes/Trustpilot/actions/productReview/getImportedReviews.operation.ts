import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getBusinessUnitId, getLimit } from '../../helpers/businessUnit';
import { businessUnitLocator, returnAllAndLimit } from '../../helpers/descriptions';
import { requireText } from '../../helpers/validation';
import { trustpilotList } from '../../transport/pagination';
import type { TrustpilotOperation } from '../types';
import { PRODUCT_REVIEWS_PER_PAGE } from './shared';

const description: INodeProperties[] = [
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
	...returnAllAndLimit(PRODUCT_REVIEWS_PER_PAGE, 'reviews'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'Only reviews written in this language (ISO 639-1 code)',
			},
			{
				displayName: 'Stars',
				name: 'stars',
				type: 'multiOptions',
				options: [1, 2, 3, 4, 5].map((stars) => ({
					name: `${stars} Star${stars > 1 ? 's' : ''}`,
					value: stars,
				})),
				default: [],
				description: 'Only reviews with these star ratings',
			},
		],
	},
];

export const getImportedReviews: TrustpilotOperation = {
	option: {
		name: 'Get Imported Reviews',
		value: 'getImportedReviews',
		action: 'Get imported product reviews',
		description: 'List the reviews of a product that were imported from another platform (public)',
	},
	description,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await getBusinessUnitId(this, itemIndex);
		const sku = requireText(this, itemIndex, 'SKU', this.getNodeParameter('sku', itemIndex));
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { sku };
		const language = String(filters.language ?? '').trim();
		if (language !== '') qs.language = language;
		const stars = (filters.stars as number[] | undefined) ?? [];
		if (stars.length) qs.stars = [...stars].sort().join(',');
		return await trustpilotList(
			this,
			{
				method: 'GET',
				path: `/product-reviews/business-units/${businessUnitId}/imported-reviews`,
				qs,
				itemIndex,
				itemsKey: 'productReviews',
				style: 'links',
				maxPageSize: PRODUCT_REVIEWS_PER_PAGE,
			},
			getLimit(this, itemIndex),
		);
	},
};
