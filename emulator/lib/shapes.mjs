// Response shapes. Internal records keep epoch-ms timestamps; these functions render the public
// and private JSON shapes with ISO dates, absolute links and explicit nulls.
import { iso } from './time.mjs';
import { reviewsOf } from './state.mjs';

const STAR_KEYS = ['oneStar', 'twoStars', 'threeStars', 'fourStars', 'fiveStars'];

export const link = (href, rel, method = 'GET') => ({ href, method, rel });

/** Review counts and scores; cached per business-unit version. */
export function businessUnitStats(state, bu) {
	if (bu.statsCache && bu.statsCache.version === bu.version && bu.reviews !== null)
		return bu.statsCache.value;
	const counts = [0, 0, 0, 0, 0];
	let used = 0;
	let sum = 0;
	if (bu.reviews === null) {
		bu.lazy.starCounts.forEach((n, index) => {
			counts[index] = n;
			used += n;
			sum += n * (index + 1);
		});
	} else {
		for (const review of bu.reviews) {
			counts[review.stars - 1] += 1;
			if (!review.reportData) {
				used += 1;
				sum += review.stars;
			}
		}
	}
	const total = counts.reduce((a, b) => a + b, 0);
	const average = used ? sum / used : 0;
	const numberOfReviews = { total, usedForTrustScoreCalculation: used };
	STAR_KEYS.forEach((key, index) => {
		numberOfReviews[key] = counts[index];
	});
	const value = {
		numberOfReviews,
		score: { trustScore: Math.round(average * 10) / 10, stars: Math.round(average * 2) / 2 },
	};
	if (bu.reviews !== null) bu.statsCache = { version: bu.version, value };
	return value;
}

export function publicBusinessUnit(state, bu, origin) {
	const base = `${origin}/v1/business-units/${bu.id}`;
	const stats = businessUnitStats(state, bu);
	return {
		links: [
			link(base, 'self'),
			link(`${base}/profileinfo`, 'profileinfo'),
			link(`${base}/reviews`, 'reviews'),
			link(`${base}/web-links`, 'web-links'),
			link(`${base}/categories`, 'categories'),
		],
		id: bu.id,
		displayName: bu.displayName,
		name: { identifying: bu.identifyingName, referring: [...bu.referringNames] },
		websiteUrl: bu.websiteUrl,
		country: bu.country,
		numberOfReviews: stats.numberOfReviews,
		status: bu.status,
		score: stats.score,
		badFit: false,
	};
}

export function businessUnitRef(bu, origin) {
	return {
		links: [link(`${origin}/v1/business-units/${bu.id}`, 'business-units')],
		id: bu.id,
		identifyingName: bu.identifyingName,
		displayName: bu.displayName,
	};
}

export function consumerRef(consumer, origin) {
	return {
		links: [link(`${origin}/v1/consumers/${consumer.id}`, 'consumers')],
		id: consumer.id,
		displayName: consumer.displayName,
		displayLocation: consumer.displayLocation,
		numberOfReviews: consumer.reviewIds.length,
	};
}

export function companyReplyShape(reply) {
	if (!reply) return null;
	return {
		text: reply.text,
		authorBusinessUserId: reply.authorBusinessUserId,
		authorBusinessUserName: reply.authorBusinessUserName,
		createdAt: iso(reply.createdAt),
		updatedAt: iso(reply.updatedAt),
	};
}

function locationShape(bu, locationId) {
	if (!locationId) return null;
	const location = bu.locations.find((candidate) => candidate.id === locationId);
	return location ? { ...location } : null;
}

function reportDataShape(report) {
	if (!report) return null;
	return { ...report, createdAt: iso(report.createdAt), reasons: [...report.reasons] };
}

/** Public review shape; `isPrivate` adds the fields only the owning business sees (one pass, no copies). */
function reviewShape(state, review, origin, isPrivate) {
	const bu = state.businessUnits.get(review.businessUnitId);
	const consumer = state.consumers.get(review.consumerId);
	// The private shape has the e-mail at the top level (referralEmail), never in consumer.
	const consumerShape = consumerRef(consumer, origin);
	const shape = {
		links: [
			link(`${origin}/v1/reviews/${review.id}`, 'reviews'),
			link(`${origin}/v1/reviews/${review.id}/web-links`, 'web-links'),
		],
		id: review.id,
		consumer: consumerShape,
		businessUnit: businessUnitRef(bu, origin),
		location: locationShape(bu, review.locationId),
		stars: review.stars,
		title: review.title,
		text: review.text,
		language: review.language,
		createdAt: iso(review.createdAt),
		updatedAt: iso(review.updatedAt),
		companyReply: companyReplyShape(review.companyReply),
		isVerified: review.isVerified,
		reviewVerificationLevel: review.isVerified ? 'verified' : 'not-verified',
		numberOfLikes: review.likes.length,
		status: review.status,
		reportData: reportDataShape(review.reportData),
		complianceLabels: [],
		countsTowardsTrustScore: !review.reportData,
		countsTowardsLocationTrustScore: review.locationId ? !review.reportData : null,
	};
	if (!isPrivate) return shape;
	shape.experiencedAt = iso(review.experiencedAt);
	shape.referralEmail = review.referralEmail;
	shape.referenceId = review.referenceId;
	shape.source = review.source;
	shape.tags = review.tags.map((tag) => ({ group: tag.group, value: tag.value }));
	shape.findReviewer = {
		isEligible: review.findReviewer.isEligible,
		requests: review.findReviewer.requests.map((request) => ({
			id: request.id,
			created: request.created,
			status: request.status,
			businessUserMessage: request.businessUserMessage,
			consumerResponse: request.consumerResponse ? { ...request.consumerResponse } : null,
		})),
	};
	shape.invitation = review.invitation
		? { businessUnitId: review.invitation.businessUnitId }
		: null;
	shape.businessUnitHistory = [];
	return shape;
}

export const publicReview = (state, review, origin) => reviewShape(state, review, origin, false);
export const privateReview = (state, review, origin) => reviewShape(state, review, origin, true);

export function productSummary(reviews) {
	const counts = [0, 0, 0, 0, 0];
	let sum = 0;
	for (const review of reviews) {
		counts[review.stars - 1] += 1;
		sum += review.stars;
	}
	const numberOfReviews = { total: reviews.length };
	STAR_KEYS.forEach((key, index) => {
		numberOfReviews[key] = counts[index];
	});
	return {
		starsAverage: reviews.length ? Math.round((sum / reviews.length) * 10) / 10 : 0,
		numberOfReviews,
	};
}

function productRef(bu, sku) {
	const product = bu.products.get(sku);
	return {
		sku,
		name: product?.title ?? null,
		productUrl: product?.link ?? null,
		imageUrl: product?.imageLink ?? null,
		gtin: product?.gtin ?? null,
		mpn: product?.mpn ?? null,
		brand: product?.brand ?? null,
	};
}

/**
 * Public product review as recorded in a real response (braze-inc/braze-docs Trustpilot page):
 * no product, locale or updatedAt; the caller knows which SKU it asked for.
 */
export function publicProductReview(state, review) {
	const consumer = state.consumers.get(review.consumerId);
	const conversation = review.conversationId
		? state.conversations.get(review.conversationId)
		: null;
	const firstComment =
		conversation && conversation.state === 'public' ? (conversation.comments[0] ?? null) : null;
	return {
		id: review.id,
		createdAt: iso(review.createdAt),
		stars: review.stars,
		content: review.content,
		consumer: { id: consumer.id, displayName: consumer.displayName },
		language: review.language,
		attributeRatings: review.attributeRatings.map((rating) => ({ ...rating })),
		attachments: review.attachments.map((attachment) => ({ ...attachment })),
		firstCompanyComment: firstComment
			? { content: firstComment.content, createdAt: iso(firstComment.createdAt) }
			: null,
	};
}

export function privateProductReview(state, review) {
	const consumer = state.consumers.get(review.consumerId);
	const bu = state.businessUnits.get(review.businessUnitId);
	return {
		id: review.id,
		businessUnitId: review.businessUnitId,
		createdAt: iso(review.createdAt),
		updatedAt: iso(review.updatedAt),
		stars: review.stars,
		content: review.content,
		product: productRef(bu, review.sku),
		consumer: { id: consumer.id, email: consumer.email, name: consumer.displayName },
		referenceId: review.referenceId,
		language: review.language,
		locale: review.locale,
		state: review.state,
		conversationId: review.conversationId,
		attachments: review.attachments.map((attachment) => ({ ...attachment })),
		attributeRatings: review.attributeRatings.map((rating) => ({ ...rating })),
	};
}

export function commentShape(comment) {
	return {
		commentId: comment.id,
		createdAt: iso(comment.createdAt),
		updatedAt: iso(comment.updatedAt),
		author: { ...comment.author },
		content: comment.content,
		integrationId: comment.integrationId,
	};
}

export function conversationShape(conversation) {
	return {
		id: conversation.id,
		businessUnitId: conversation.businessUnitId,
		consumerId: conversation.consumerId,
		source: conversation.source,
		sourceId: conversation.sourceId,
		state: conversation.state,
		comments: conversation.comments.map(commentShape),
	};
}

export { reviewsOf };
