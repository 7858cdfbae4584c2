import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	readBusinessUnitId,
	readListLimit,
	readSimplify,
	readSource,
} from '../../helpers/businessUnit';
import { starsQuery } from '../../helpers/reviewFilters';
import {
	attributeProductReview,
	simplifyProductReview,
	type RequestedProduct,
} from '../../../shared/simplifyProductReview';
import {
	readList,
	readLocale,
	readOption,
	readText,
	requireHttpUrl,
} from '../../../shared/validate';
import { trustpilotList } from '../../transport/pagination';
import type { TrustpilotOperation } from '../types';
import { ENDPOINTS, listRequest } from '../../../shared/endpoints';
import { getAllDescription } from './getAll.description';

/**
 * Public lists are asked once per SKU: the items do not say which product they belong to, so
 * that is the only way to attribute each review. A Product URL alone is one request.
 */
function publicTargets(ctx: IExecuteFunctions, itemIndex: number): RequestedProduct[] {
	const skus = [
		...new Set(readList(ctx, itemIndex, 'SKU', ctx.getNodeParameter('sku', itemIndex, ''))),
	];
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
	// SKU wins when both are set (as Trustpilot documents); the URL is still checked.
	const productUrl =
		rawUrl === '' ? undefined : requireHttpUrl(ctx, itemIndex, 'Product URL', rawUrl);
	if (skus.length) return skus.map((sku) => ({ sku }));
	return [{ productUrl }];
}

const PRODUCT_REVIEW_STATES = ['archived', 'published', 'underModeration', 'unpublished'] as const;

function privateQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
): IDataObject {
	// A list, or text from an expression ("archived, published"); each one of the choices.
	const states = readList(
		ctx,
		itemIndex,
		'States',
		ctx.getNodeParameter('states', itemIndex, ['published']),
	).map((state) => readOption(ctx, itemIndex, 'States', state, PRODUCT_REVIEW_STATES));
	if (!states.length) {
		throw new NodeOperationError(ctx.getNode(), 'States: choose at least one state', {
			itemIndex,
			description: `Select one or more states (e.g. "Published") for item ${itemIndex + 1}.`,
		});
	}
	const qs: IDataObject = { state: states.join(',') };
	const skus = readList(ctx, itemIndex, 'Filters → SKUs', filters.sku);
	if (skus.length) qs.sku = skus.join(',');
	return qs;
}

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action:
			'List product reviews of a company for one or more SKUs or a product URL, newest first. Returns at most Limit reviews, each with id, stars (1-5), content, language, createdAt, sku, productName, consumerName. Read-only: changes nothing',
		description:
			'List product reviews: public ones by product, or all private ones with consumer details',
	},
	description: getAllDescription,
	access(this: IExecuteFunctions, itemIndex: number) {
		return readSource(this, itemIndex);
	},
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const isPrivate = readSource(this, itemIndex) === 'private';
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const shared: IDataObject = {};
		const language = readText(this, itemIndex, 'Filters → Language', filters.language);
		if (language !== '') shared.language = language;
		const locale = readLocale(this, itemIndex, 'Filters → Locale', filters.locale);
		if (locale !== '') shared.locale = locale;
		const simplify = readSimplify(this, itemIndex);
		const limit = readListLimit(this, itemIndex);
		// Every input is checked before the business unit is looked up: a bad value sends nothing.
		const privateQs = isPrivate ? { ...privateQuery(this, itemIndex, filters), ...shared } : {};
		const targets = isPrivate ? [] : publicTargets(this, itemIndex);
		if (!isPrivate) {
			const stars = starsQuery(this, itemIndex, filters.stars);
			if (stars) shared.stars = stars;
		}
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const output = (review: IDataObject) =>
			simplify ? simplifyProductReview(review, { isPrivate, businessUnitId }) : review;
		const listOf = async (qs: IDataObject, max: number | undefined) =>
			await trustpilotList(
				this,
				listRequest(isPrivate ? ENDPOINTS.privateProductReviews : ENDPOINTS.productReviews, {
					parameters: { businessUnitId },
					qs,
					itemIndex,
				}),
				max,
			);

		if (isPrivate) {
			const reviews = await listOf(privateQs, limit);
			return reviews.map(output);
		}
		const results: IDataObject[] = [];
		for (const target of targets) {
			const remaining = limit === undefined ? undefined : limit - results.length;
			if (remaining !== undefined && remaining <= 0) break;
			const qs: IDataObject = { ...shared };
			if (target.sku !== undefined) qs.sku = target.sku;
			else qs.productUrl = target.productUrl;
			const reviews = await listOf(qs, remaining);
			for (const review of reviews) results.push(output(attributeProductReview(review, target)));
		}
		return results;
	},
};
