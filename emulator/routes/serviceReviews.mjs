// Service Reviews API: public review reads, private review reads and the write operations
// (reply, tags, Find Reviewer).
import { requireActingUser, requireOwnBusinessUnit } from '../lib/auth.mjs';
import { badRequest, forbidden, notFound } from '../lib/errors.mjs';
import { parseIntParam } from '../lib/pagination.mjs';
import { consumerRef, link, privateReview, publicReview } from '../lib/shapes.mjs';
import { touch } from '../lib/state.mjs';
import { parseApiDateTime } from '../lib/time.mjs';
import { ok, optionalLocale, requiredParam, siteForLocale } from './shared.mjs';

const pub = (method, path, handler) => ({
	host: 'api',
	method,
	path: `/v1/reviews${path}`,
	auth: 'apikey',
	handler,
});
const priv = (method, path, handler, body) => ({
	host: 'api',
	method,
	path: `/v1/private/reviews/{reviewId}${path}`,
	auth: 'private',
	handler,
	body,
});

function findReview(ctx) {
	const review = ctx.state.reviews.get(ctx.params.reviewId);
	if (!review) throw notFound(`Review ${ctx.params.reviewId} not found`);
	return review;
}

/** A review of one of the caller's business units (403 when it belongs to someone else). */
function ownReview(ctx) {
	const review = findReview(ctx);
	const bu = requireOwnBusinessUnit(ctx, review.businessUnitId);
	return { review, bu };
}

function latest(ctx) {
	const language = requiredParam(ctx, 'language').toLowerCase();
	const count = parseIntParam(ctx.query, 'count', { min: 1, max: 100, fallback: 20 });
	optionalLocale(ctx);
	const matches = [];
	for (const review of ctx.state.reviews.values()) {
		if ((language === 'all' || review.language === language) && !review.reportData)
			matches.push(review);
	}
	matches.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
	return ok({
		reviews: matches.slice(0, count).map((review) => publicReview(ctx.state, review, ctx.origin)),
	});
}

function webLinks(ctx) {
	const review = findReview(ctx);
	const locale = optionalLocale(ctx) ?? 'en-US';
	return ok({
		links: [link(`${ctx.origin}/v1/reviews/${review.id}/web-links`, 'self')],
		locale,
		reviewUrl: `${siteForLocale(locale)}/reviews/${review.id}`,
	});
}

function likes(ctx) {
	const review = findReview(ctx);
	return ok({
		links: [link(`${ctx.origin}/v1/reviews/${review.id}/likes`, 'self')],
		reviewId: review.id,
		numberOfLikes: review.likes.length,
		likes: review.likes.map((consumerId) => ({
			consumer: consumerRef(ctx.state.consumers.get(consumerId), ctx.origin),
		})),
	});
}

function reply(ctx) {
	const { review, bu } = ownReview(ctx);
	const body = ctx.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw badRequest('body', 'must be a JSON object');
	const { authorBusinessUserId, message, submittedAt } = body;
	if (typeof authorBusinessUserId !== 'string' || authorBusinessUserId.trim() === '')
		throw badRequest('authorBusinessUserId', 'is required');
	if (typeof message !== 'string' || message.trim() === '')
		throw badRequest('message', 'is required and must be a non-empty string');
	if (message.length > 5000) throw badRequest('message', 'must be at most 5000 characters');
	const author = ctx.state.users.get(authorBusinessUserId);
	if (!author || !author.businessUnitIds.includes(bu.id)) {
		throw forbidden(
			`authorBusinessUserId: ${authorBusinessUserId} is not a business user of business unit ${bu.id}`,
		);
	}
	let at = ctx.state.clock.next();
	if (submittedAt !== undefined && submittedAt !== null) {
		const parsed = parseApiDateTime(String(submittedAt));
		if (parsed === null)
			throw badRequest('submittedAt', 'must be a date-time like 2024-07-15T12:00:00');
		at = parsed;
	}
	const existing = review.companyReply;
	review.companyReply = {
		text: message,
		createdAt: existing ? existing.createdAt : at,
		updatedAt: at,
		authorBusinessUserId: author.id,
		authorBusinessUserName: author.name,
	};
	touch(bu);
	return { status: 201, body: null };
}

function deleteReply(ctx) {
	const { review, bu } = ownReview(ctx);
	if (!review.companyReply) throw notFound(`Review ${review.id} has no reply`);
	review.companyReply = null;
	touch(bu);
	return { status: 204, body: null };
}

function parseTags(body) {
	if (typeof body !== 'object' || body === null || !Array.isArray(body.tags))
		throw badRequest('tags', 'must be an array of {group, value}');
	return body.tags.map((tag, index) => {
		const field = `tags[${index}]`;
		if (typeof tag !== 'object' || tag === null)
			throw badRequest(field, 'must be an object {group, value}');
		const { group, value } = tag;
		if (typeof group !== 'string' || group.trim() === '')
			throw badRequest(`${field}.group`, 'is required');
		if (typeof value !== 'string' || value.trim() === '')
			throw badRequest(`${field}.value`, 'is required');
		return { group, value };
	});
}

const tagKey = (tag) => `${tag.group}\u0000${tag.value}`;

function getTags(ctx) {
	const { review } = ownReview(ctx);
	return ok({ tags: review.tags.map((tag) => ({ ...tag })) });
}

function addTags(ctx) {
	const { review, bu } = ownReview(ctx);
	requireActingUser(ctx, bu);
	const incoming = parseTags(ctx.body);
	const known = new Set(review.tags.map(tagKey));
	for (const tag of incoming) {
		if (!known.has(tagKey(tag))) {
			review.tags.push(tag);
			known.add(tagKey(tag));
		}
	}
	touch(bu);
	return { status: 204, body: null };
}

function replaceTags(ctx) {
	const { review, bu } = ownReview(ctx);
	requireActingUser(ctx, bu);
	const incoming = parseTags(ctx.body);
	const unique = new Map(incoming.map((tag) => [tagKey(tag), tag]));
	review.tags = [...unique.values()];
	touch(bu);
	return { status: 204, body: null };
}

function removeTag(ctx) {
	const { review, bu } = ownReview(ctx);
	requireActingUser(ctx, bu);
	const group = requiredParam(ctx, 'group');
	const value = requiredParam(ctx, 'value');
	review.tags = review.tags.filter((tag) => !(tag.group === group && tag.value === value));
	touch(bu);
	return { status: 204, body: null };
}

function findReviewer(ctx) {
	const { review, bu } = ownReview(ctx);
	const body = ctx.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw badRequest('body', 'must be a JSON object');
	if (typeof body.message !== 'string' || body.message.trim() === '')
		throw badRequest('message', 'is required');
	const skip = body.skipNotificationEmailToBusinessUser ?? false;
	if (typeof skip !== 'boolean')
		throw badRequest('skipNotificationEmailToBusinessUser', 'must be a boolean');
	if (!review.findReviewer.isEligible)
		throw badRequest('reviewId', 'review is not eligible for Find Reviewer');
	const user = requireActingUser(ctx, bu);
	const createdAt = new Date(ctx.state.clock.next()).toISOString();
	const request = {
		id: ctx.state.rng.hexId(),
		created: createdAt,
		status: 'requested',
		businessUserMessage: body.message,
		consumerResponse: null,
		businessUserId: user.id,
		skipNotificationEmailToBusinessUser: skip,
	};
	review.findReviewer.requests.push(request);
	ctx.state.records.findReviewerRequests.push({
		id: request.id,
		reviewId: review.id,
		businessUnitId: bu.id,
		businessUserId: user.id,
		message: body.message,
		skipNotificationEmailToBusinessUser: skip,
		createdAt,
	});
	touch(bu);
	return { status: 201, body: null };
}

export const serviceReviewRoutes = [
	pub('GET', '/latest', latest),
	pub('GET', '/{reviewId}', (ctx) => ok(publicReview(ctx.state, findReview(ctx), ctx.origin))),
	pub('GET', '/{reviewId}/web-links', webLinks),
	pub('GET', '/{reviewId}/likes', likes),
	priv('GET', '', (ctx) => ok(privateReview(ctx.state, ownReview(ctx).review, ctx.origin))),
	priv('POST', '/reply', reply, 'json'),
	priv('DELETE', '/reply', deleteReply),
	priv('GET', '/tags', getTags),
	priv('PUT', '/tags', addTags, 'json'),
	priv('POST', '/tags', replaceTags, 'json'),
	priv('DELETE', '/tags', removeTag),
	priv('POST', '/find-reviewer', findReviewer, 'json'),
];
