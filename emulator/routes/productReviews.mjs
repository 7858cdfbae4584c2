// Product Reviews API: public reads and summaries, private reads, invitation links, conversations.
import { requireActingUser, requireOwnBusinessUnit } from '../lib/auth.mjs';
import { badRequest, conflict, notFound } from '../lib/errors.mjs';
import { list, pageLinks, parsePaging, single, slicePage } from '../lib/pagination.mjs';
import { link, privateProductReview, productSummary, publicProductReview } from '../lib/shapes.mjs';
import { iso } from '../lib/time.mjs';
import { hasVariant } from '../lib/variants.mjs';
import {
	isEmail,
	isLocale,
	ok,
	optionalLocale,
	publicBusinessUnit,
	siteForLocale,
} from './shared.mjs';

const PUBLIC = '/v1/product-reviews/business-units/{businessUnitId}';
const PRIVATE = '/v1/private/product-reviews';
const STATES = ['published', 'unpublished', 'underModeration', 'archived'];

const pub = (method, path, handler, body) => ({
	host: 'api',
	method,
	path: `${PUBLIC}${path}`,
	auth: 'apikey',
	handler,
	body,
});
const priv = (method, path, handler, body) => ({
	host: 'api',
	method,
	path: `${PRIVATE}${path}`,
	auth: 'private',
	handler,
	body,
});

function starsFilter(ctx) {
	return list(ctx.query, 'stars').map((value) => {
		if (!/^[1-5]$/.test(value))
			throw badRequest('stars', 'must be a comma-separated list of integers between 1 and 5');
		return Number(value);
	});
}

/** SKUs addressed by `sku` (comma list) and/or `productUrl`; at least one is required. */
function targetSkus(ctx, bu, { required = true } = {}) {
	const skus = list(ctx.query, 'sku');
	const productUrl = single(ctx.query, 'productUrl');
	if (!skus.length && !productUrl) {
		if (required) throw badRequest('sku', 'sku or productUrl is required');
		return null;
	}
	const result = new Set(skus);
	if (productUrl && !skus.length) {
		for (const product of bu.products.values())
			if (product.link === productUrl) result.add(product.sku);
	}
	return result;
}

function filterReviews(ctx, reviews, { skus, states }) {
	const stars = starsFilter(ctx);
	const languages = list(ctx.query, 'language')
		.map((value) => value.toLowerCase())
		.filter((value) => value !== 'all');
	return reviews.filter(
		(review) =>
			(!skus || skus.has(review.sku)) &&
			states.includes(review.state) &&
			(!stars.length || stars.includes(review.stars)) &&
			(!languages.length || languages.includes(review.language)),
	);
}

const newestFirst = (items) => [...items].sort((a, b) => b.createdAt - a.createdAt);

function publicReviews(ctx) {
	const bu = publicBusinessUnit(ctx);
	const skus = targetSkus(ctx, bu);
	optionalLocale(ctx);
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 100 });
	const items = newestFirst(filterReviews(ctx, bu.productReviews, { skus, states: ['published'] }));
	return ok({
		links: pageLinks(ctx, paging, items.length),
		productReviews: slicePage(items, paging).map((r) => publicProductReview(ctx.state, r)),
	});
}

function summary(ctx) {
	const bu = publicBusinessUnit(ctx);
	const skus = targetSkus(ctx, bu);
	const items = bu.productReviews.filter(
		(review) => skus.has(review.sku) && review.state === 'published',
	);
	return ok({
		links: [link(`${ctx.origin}${ctx.path}${ctx.url.search}`, 'self')],
		...productSummary(items),
	});
}

function batchSummaries(ctx) {
	const bu = publicBusinessUnit(ctx);
	const skus = ctx.body?.skus;
	if (
		!Array.isArray(skus) ||
		!skus.length ||
		skus.some((sku) => typeof sku !== 'string' || sku === '')
	) {
		throw badRequest('skus', 'must be a non-empty array of SKU strings');
	}
	return ok({
		summaries: skus.map((sku) => ({
			sku,
			...productSummary(bu.productReviews.filter((r) => r.sku === sku && r.state === 'published')),
		})),
	});
}

function importedFor(ctx) {
	const bu = publicBusinessUnit(ctx);
	const skus = list(ctx.query, 'sku');
	if (!skus.length) throw badRequest('sku', 'is required');
	const stars = starsFilter(ctx);
	const languages = list(ctx.query, 'language').map((value) => value.toLowerCase());
	return bu.importedReviews.filter(
		(review) =>
			skus.includes(review.sku) &&
			(!stars.length || stars.includes(review.stars)) &&
			(!languages.length || languages.includes(review.language)),
	);
}

function importedReviews(ctx) {
	const items = newestFirst(importedFor(ctx));
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 100 });
	return ok({
		links: pageLinks(ctx, paging, items.length),
		productReviews: slicePage(items, paging).map((review) => ({
			id: review.id,
			sku: review.sku,
			createdAt: iso(review.createdAt),
			stars: review.stars,
			content: review.content,
			language: review.language,
			consumer: { ...review.consumer },
			source: { ...review.source },
		})),
	});
}

function privateReviews(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const skus = targetSkus(ctx, bu, { required: false });
	const states = list(ctx.query, 'state');
	for (const value of states)
		if (!STATES.includes(value)) throw badRequest('state', `must be one of ${STATES.join(', ')}`);
	optionalLocale(ctx);
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 100 });
	const items = newestFirst(
		filterReviews(ctx, bu.productReviews, { skus, states: states.length ? states : ['published'] }),
	);
	return ok({
		links: pageLinks(ctx, paging, items.length),
		productReviews: slicePage(items, paging).map((r) => privateProductReview(ctx.state, r)),
	});
}

function ownProductReview(ctx) {
	const review = ctx.state.productReviews.get(ctx.params.reviewId);
	if (!review) throw notFound(`Product review ${ctx.params.reviewId} not found`);
	const bu = requireOwnBusinessUnit(ctx, review.businessUnitId);
	return { review, bu };
}

function summaries(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const paging = parsePaging(ctx.query, { defaultPerPage: 1000, maxPerPage: 1000 });
	const bySku = new Map();
	for (const review of bu.productReviews) {
		if (review.state !== 'published') continue;
		if (!bySku.has(review.sku)) bySku.set(review.sku, []);
		bySku.get(review.sku).push(review);
	}
	const rows = [...bySku.keys()].sort().map((sku) => ({ sku, ...productSummary(bySku.get(sku)) }));
	return ok({ links: pageLinks(ctx, paging, rows.length), summaries: slicePage(rows, paging) });
}

function invitationLink(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const body = ctx.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw badRequest('body', 'must be a JSON object');
	if (typeof body.consumer !== 'object' || body.consumer === null)
		throw badRequest('consumer', 'is required');
	if (!isEmail(body.consumer.email))
		throw badRequest('consumer.email', 'must be a valid email address');
	if (typeof body.consumer.name !== 'string' || body.consumer.name.trim() === '')
		throw badRequest('consumer.name', 'is required');
	if (typeof body.referenceId !== 'string' || body.referenceId.trim() === '')
		throw badRequest('referenceId', 'is required');
	if (body.locale !== undefined && !isLocale(body.locale))
		throw badRequest('locale', 'must be a locale like en-US');
	const products = body.products ?? [];
	const productIds = body.productIds ?? [];
	if (
		!Array.isArray(products) ||
		!Array.isArray(productIds) ||
		(!products.length && !productIds.length)
	) {
		throw badRequest('products', 'at least one product (or productIds) is required');
	}
	products.forEach((product, index) => {
		if (typeof product !== 'object' || product === null || (!product.sku && !product.productUrl)) {
			throw badRequest(`products[${index}]`, 'needs a sku or productUrl');
		}
	});
	const reviewLinkId = ctx.state.rng.hexId();
	const reviewUrl = `${siteForLocale(body.locale ?? 'en-US')}/evaluate-product/${reviewLinkId}`;
	ctx.state.records.productInvitationLinks.push({
		reviewLinkId,
		reviewUrl,
		businessUnitId: bu.id,
		createdAt: new Date(ctx.state.clock.next()).toISOString(),
		request: body,
	});
	return ok({ reviewLinkId, reviewUrl });
}

function createConversation(ctx) {
	const { review, bu } = ownProductReview(ctx);
	if (review.conversationId) {
		// Undocumented: 409 by default; the variants answer 400 or 201 with the existing id.
		if (hasVariant(ctx.state, 'conversation-exists-201'))
			return { status: 201, body: { conversationId: review.conversationId } };
		if (hasVariant(ctx.state, 'conversation-exists-400'))
			throw badRequest('reviewId', `product review ${review.id} already has a conversation`);
		const error = conflict(
			`Product review ${review.id} already has conversation ${review.conversationId}`,
		);
		error.body.conversationId = review.conversationId;
		throw error;
	}
	const user = requireActingUser(ctx, bu);
	const conversation = {
		id: ctx.state.rng.hexId(),
		businessUnitId: bu.id,
		consumerId: review.consumerId,
		source: 'Product reviews',
		sourceId: review.id,
		state: 'public',
		comments: [],
		createdBy: user.id,
	};
	ctx.state.conversations.set(conversation.id, conversation);
	review.conversationId = conversation.id;
	return { status: 201, body: { conversationId: conversation.id } };
}

export const productReviewRoutes = [
	pub('GET', '', summary),
	pub('GET', '/reviews', publicReviews),
	pub('POST', '/batch-summaries', batchSummaries, 'json'),
	pub('GET', '/imported-reviews', importedReviews),
	pub('GET', '/imported-reviews-summaries', (ctx) => ok({ ...productSummary(importedFor(ctx)) })),
	priv('GET', '/business-units/{businessUnitId}/reviews', privateReviews),
	priv('GET', '/business-units/{businessUnitId}/summaries', summaries),
	priv('POST', '/business-units/{businessUnitId}/invitation-links', invitationLink, 'json'),
	priv('GET', '/{reviewId}', (ctx) =>
		ok(privateProductReview(ctx.state, ownProductReview(ctx).review)),
	),
	priv('POST', '/{reviewId}/create-conversation', createConversation, 'optional-json'),
];
