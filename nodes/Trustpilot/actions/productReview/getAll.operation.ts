import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getBusinessUnitId, getLimit } from '../../helpers/businessUnit';
import {
	businessUnitLocator,
	filtersCollection,
	PRIVATE_HINT,
	returnAllAndLimit,
} from '../../helpers/descriptions';
import { starsFilter, starsQuery } from '../../helpers/reviewFilters';
import { simplifyProductReview } from '../../helpers/simplifyProductReview';
import { parseList, readText, requireHttpUrl } from '../../helpers/validation';
import { trustpilotList } from '../../transport/pagination';
import type { TrustpilotOperation } from '../types';
import { languageFilter, PRODUCT_REVIEWS_PER_PAGE, productReviewSimplifyToggle } from './shared';

const showPublic = { show: { source: ['public'] } };
const showPrivate = { show: { source: ['private'] } };
// Inside a collection, a leading "/" points at the node's top-level "source" parameter.
const filterForPublic = { show: { '/source': ['public'] } };
const filterForPrivate = { show: { '/source': ['private'] } };

const STATES = [
	{ name: 'Archived', value: 'archived' },
	{ name: 'Published', value: 'published' },
	{ name: 'Under Moderation', value: 'underModeration' },
	{ name: 'Unpublished', value: 'unpublished' },
];

const description: INodeProperties[] = [
	businessUnitLocator,
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Private',
				value: 'private',
				description:
					'All your product reviews with consumer email, reference ID, state and conversation',
			},
			{
				name: 'Public',
				value: 'public',
				description:
					'Published reviews of given products, as shown on your site (API key is enough)',
			},
		],
		default: 'public',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L',
		description: 'One or more product SKUs, separated by commas. SKU or Product URL is required.',
		displayOptions: showPublic,
	},
	{
		displayName: 'Product URL',
		name: 'productUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://www.example.com/products/t-shirt',
		description:
			'The product page address. SKU or Product URL is required; SKU wins when both are set.',
		displayOptions: showPublic,
	},
	{
		displayName: 'States',
		name: 'states',
		type: 'multiOptions',
		options: STATES,
		default: ['published'],
		description: 'Which moderation states to return',
		hint: PRIVATE_HINT,
		displayOptions: showPrivate,
	},
	...returnAllAndLimit(PRODUCT_REVIEWS_PER_PAGE, 'reviews'),
	productReviewSimplifyToggle,
	filtersCollection([
		languageFilter,
		{
			displayName: 'Locale',
			name: 'locale',
			type: 'string',
			default: '',
			placeholder: 'e.g. en-US',
			description: 'Only reviews written in this locale',
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
			placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L',
			description: 'Only reviews of these SKUs, separated by commas',
			displayOptions: filterForPrivate,
		},
		{ ...starsFilter, displayOptions: filterForPublic },
	]),
];

function publicQuery(ctx: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const skus = parseList(ctx, itemIndex, 'SKU', ctx.getNodeParameter('sku', itemIndex, ''));
	const rawUrl = readText(
		ctx,
		itemIndex,
		'Product URL',
		ctx.getNodeParameter('productUrl', itemIndex, ''),
	);
	if (skus.length === 0 && rawUrl === '') {
		throw new NodeOperationError(ctx.getNode(), 'SKU or Product URL: set at least one of them', {
			itemIndex,
			description: `Public product reviews are listed per product. Fill "SKU" or "Product URL" for item ${itemIndex + 1}.`,
		});
	}
	const qs: IDataObject = {};
	if (skus.length) qs.sku = skus.join(',');
	if (rawUrl !== '') qs.productUrl = requireHttpUrl(ctx, itemIndex, 'Product URL', rawUrl);
	const stars = starsQuery(filters.stars);
	if (stars) qs.stars = stars;
	return qs;
}

function privateQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
): IDataObject {
	const states = ctx.getNodeParameter('states', itemIndex, ['published']) as string[];
	if (!states.length) {
		throw new NodeOperationError(ctx.getNode(), 'States: choose at least one state', {
			itemIndex,
			description: `Select one or more states (e.g. "Published") for item ${itemIndex + 1}.`,
		});
	}
	const qs: IDataObject = { state: states.join(',') };
	const skus = parseList(ctx, itemIndex, 'Filters → SKUs', filters.sku);
	if (skus.length) qs.sku = skus.join(',');
	return qs;
}

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many product reviews',
		description:
			'List product reviews: public ones by product, or all private ones with consumer details',
	},
	description,
	access(this: IExecuteFunctions, itemIndex: number) {
		return this.getNodeParameter('source', itemIndex) === 'private' ? 'private' : 'public';
	},
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await getBusinessUnitId(this, itemIndex);
		const isPrivate = this.getNodeParameter('source', itemIndex) === 'private';
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = isPrivate
			? privateQuery(this, itemIndex, filters)
			: publicQuery(this, itemIndex, filters);
		for (const key of ['language', 'locale']) {
			const value = String(filters[key] ?? '').trim();
			if (value !== '') qs[key] = value;
		}
		const reviews = await trustpilotList(
			this,
			{
				method: 'GET',
				path: `${isPrivate ? '/private' : ''}/product-reviews/business-units/${businessUnitId}/reviews`,
				qs,
				access: isPrivate ? 'private' : 'public',
				itemIndex,
				itemsKey: 'productReviews',
				style: 'links',
				maxPageSize: PRODUCT_REVIEWS_PER_PAGE,
			},
			getLimit(this, itemIndex),
		);
		if (!this.getNodeParameter('simplify', itemIndex, true)) return reviews;
		return reviews.map((review) => simplifyProductReview(review, { isPrivate, businessUnitId }));
	},
};
