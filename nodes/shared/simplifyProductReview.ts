import type { IDataObject } from 'n8n-workflow';

function objectOf(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function valueOrNull(value: unknown): IDataObject[string] {
	return value === undefined ? null : (value as IDataObject[string]);
}

/** The product a public list was asked for: the SKU (one request per SKU) or the product URL. */
export interface RequestedProduct {
	sku?: string;
	productUrl?: string;
}

/**
 * Public product reviews carry no product (a real response recorded in braze-inc/braze-docs has
 * id, createdAt, stars, content, consumer, language, attributeRatings, attachments and
 * firstCompanyComment only). The node knows what it asked for, so it adds `sku` / `productUrl`
 * to each review — only when the review does not name its product itself.
 */
export function attributeProductReview(
	review: IDataObject,
	requested: RequestedProduct,
): IDataObject {
	if (review.product && typeof review.product === 'object') return review;
	const attributed: IDataObject = { ...review };
	if (requested.sku !== undefined && attributed.sku === undefined) attributed.sku = requested.sku;
	if (requested.productUrl !== undefined && attributed.productUrl === undefined) {
		attributed.productUrl = requested.productUrl;
	}
	return attributed;
}

/**
 * One flat row per product review, ready for a sheet or CRM. Private reviews add the consumer's
 * email, the state, the order reference and the conversation; public ones never carry those, so
 * they are left out rather than shown as empty columns that look like missing data. Likewise
 * product name and locale appear only when Trustpilot sent them (private shape).
 *
 * `businessUnitId` fills in for the public shape, which does not repeat the business unit.
 */
export function simplifyProductReview(
	review: IDataObject,
	options: { isPrivate: boolean; businessUnitId?: string },
): IDataObject {
	const product = objectOf(review.product);
	const consumer = objectOf(review.consumer);
	const flat: IDataObject = {
		id: valueOrNull(review.id),
		stars: valueOrNull(review.stars),
		content: valueOrNull(review.content),
		language: valueOrNull(review.language),
	};
	if (review.locale !== undefined) flat.locale = valueOrNull(review.locale);
	flat.createdAt = valueOrNull(review.createdAt);
	flat.sku = valueOrNull(product.sku ?? review.sku);
	if (review.product !== undefined) flat.productName = valueOrNull(product.name);
	const productUrl = product.productUrl ?? review.productUrl;
	if (productUrl !== undefined) flat.productUrl = valueOrNull(productUrl);
	flat.consumerName = valueOrNull(consumer.name ?? consumer.displayName);
	flat.businessUnitId = valueOrNull(review.businessUnitId ?? options.businessUnitId);
	if (options.isPrivate) {
		flat.consumerEmail = valueOrNull(consumer.email);
		flat.state = valueOrNull(review.state);
		flat.referenceId = valueOrNull(review.referenceId);
		flat.conversationId = valueOrNull(review.conversationId);
	} else {
		const firstComment = objectOf(review.firstCompanyComment);
		flat.reply = valueOrNull(firstComment.content);
	}
	return flat;
}
