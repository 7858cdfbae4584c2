import type { IDataObject } from 'n8n-workflow';

function objectOf(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function valueOrNull(value: unknown): IDataObject[string] {
	return value === undefined ? null : (value as IDataObject[string]);
}

/**
 * One flat row per product review, ready for a sheet or CRM. Private reviews add the consumer's
 * email, the state, the order reference and the conversation; public ones never carry those, so
 * they are left out rather than shown as empty columns that look like missing data.
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
		locale: valueOrNull(review.locale),
		createdAt: valueOrNull(review.createdAt),
		sku: valueOrNull(product.sku),
		productName: valueOrNull(product.name),
		consumerName: valueOrNull(consumer.name ?? consumer.displayName),
		businessUnitId: valueOrNull(review.businessUnitId ?? options.businessUnitId),
	};
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
