import type { IDataObject } from 'n8n-workflow';

/** Public address of a review on Trustpilot; derivable from its id alone. */
export const REVIEW_PAGE_URL = 'https://www.trustpilot.com/reviews/';

function objectOf(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

type Cell = IDataObject[string];

function orNull(value: unknown): Cell {
	return value === undefined || value === '' ? null : (value as Cell);
}

/**
 * Tags as one text cell, `group:value` joined by ", " (e.g. `generic:vip, support:refund`).
 * A single string fits a CRM or sheet column. Review tags may contain spaces (not commas in
 * practice); the raw output (Simplify off) keeps the exact array.
 */
export function formatTags(tags: unknown): string {
	if (!Array.isArray(tags)) return '';
	return tags
		.map((tag) => objectOf(tag))
		.filter((tag) => tag.value !== undefined && tag.value !== null && tag.value !== '')
		.map((tag) => `${String(tag.group ?? 'generic')}:${String(tag.value)}`)
		.join(', ');
}

/**
 * A service review as one flat row. Works on the public and private API shapes and on webhook
 * event data (`consumer.name`, `locationId`). Always present: id, businessUnitId, stars, title,
 * text, language, createdAt, updatedAt, experiencedAt, isVerified, consumerId, consumerName,
 * consumerLocation, replyText, replyDate, location, locationId, link. Only when the input
 * carries them (private data, webhooks): consumerEmail, referenceId, source, tags.
 */
export function simplifyServiceReview(review: IDataObject): IDataObject {
	const consumer = objectOf(review.consumer);
	const businessUnit = objectOf(review.businessUnit);
	const reply = objectOf(review.companyReply);
	const location = objectOf(review.location);
	const id = orNull(review.id);
	const simple: IDataObject = {
		id,
		businessUnitId: orNull(businessUnit.id ?? review.businessUnitId),
		stars: orNull(review.stars),
		title: orNull(review.title),
		text: orNull(review.text),
		language: orNull(review.language),
		createdAt: orNull(review.createdAt),
		updatedAt: orNull(review.updatedAt),
		experiencedAt: orNull(review.experiencedAt),
		isVerified: orNull(review.isVerified),
		consumerId: orNull(consumer.id),
		consumerName: orNull(consumer.displayName ?? consumer.name),
		consumerLocation: orNull(consumer.displayLocation),
	};
	// Private-only fields appear only when the API sent them, so a public row never shows
	// an empty email column that looks like "no email on file".
	// Documented private shape: the e-mail is top-level `referralEmail`; webhook data has consumer.email.
	const email = review.referralEmail ?? consumer.email;
	if (consumer.email !== undefined || review.referralEmail !== undefined)
		simple.consumerEmail = orNull(email);
	if (review.referenceId !== undefined) simple.referenceId = orNull(review.referenceId);
	if (review.source !== undefined) simple.source = orNull(review.source);
	if (review.tags !== undefined) simple.tags = formatTags(review.tags);
	simple.replyText = orNull(reply.text);
	simple.replyDate = orNull(reply.updatedAt ?? reply.createdAt);
	simple.location = orNull(location.name);
	simple.locationId = orNull(location.id ?? review.locationId);
	simple.link = id === null ? null : `${REVIEW_PAGE_URL}${String(id)}`;
	return simple;
}
