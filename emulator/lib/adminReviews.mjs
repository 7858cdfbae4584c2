// Admin operations on reviews: bulk creation ("now", strictly increasing), edits and deletion.
import { badRequest, notFound } from './errors.mjs';
import { findOrMakeConsumer, makeConsumer, makeReview } from './seed/factory.mjs';
import { makeProduct, makeProductReview } from './seed/catalog.mjs';
import { privateProductReview, privateReview } from './shapes.mjs';
import { hasVariant } from './variants.mjs';
import { registerProductReview, registerReview, removeReview, reviewsOf, touch } from './state.mjs';

const MAX_COUNT = 200000;
const MAX_RETURNED = 1000;
const LANGUAGE = /^[a-z]{2}$/;

function businessUnitFrom(state, body) {
	if (typeof body !== 'object' || body === null) throw badRequest('body', 'must be a JSON object');
	const bu = state.businessUnits.get(body.businessUnitId);
	if (!bu) throw notFound(`Business unit ${body.businessUnitId} not found`);
	return bu;
}

function sinceFrom(body) {
	if (body.since === undefined) return undefined;
	const since = typeof body.since === 'number' ? body.since : Date.parse(String(body.since));
	if (!Number.isFinite(since))
		throw badRequest('since', 'must be epoch milliseconds or an ISO date');
	const count = countFrom(body);
	if (since + count > Date.now())
		throw badRequest('since', `${count} reviews 1 ms apart from there would reach into the future`);
	return since;
}

function countFrom(body) {
	const count = body.count ?? 1;
	if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
		throw badRequest('count', `must be an integer between 1 and ${MAX_COUNT}`);
	return count;
}

function checkStars(stars) {
	if (stars !== undefined && !(Number.isInteger(stars) && stars >= 1 && stars <= 5))
		throw badRequest('stars', 'must be an integer between 1 and 5');
}

function checkText(body, keys) {
	for (const key of keys) {
		if (body[key] !== undefined && (typeof body[key] !== 'string' || body[key] === ''))
			throw badRequest(key, 'must be a non-empty string');
	}
}

function checkTags(tags) {
	if (tags === undefined) return;
	if (
		!Array.isArray(tags) ||
		tags.some(
			(tag) =>
				typeof tag?.group !== 'string' || typeof tag?.value !== 'string' || /\s/.test(tag.value),
		)
	) {
		throw badRequest('tags', 'must be an array of {group, value} with values without spaces');
	}
}

export function addReviews(instance, body) {
	const { state } = instance;
	const bu = businessUnitFrom(state, body);
	const count = countFrom(body);
	checkStars(body.stars);
	checkText(body, ['text', 'title', 'referenceId', 'email']);
	checkTags(body.tags);
	if (body.language !== undefined && !LANGUAGE.test(body.language))
		throw badRequest('language', 'must be a two-letter language code');
	if (
		body.locationId !== undefined &&
		!bu.locations.some((location) => location.id === body.locationId)
	)
		throw badRequest('locationId', 'unknown location');
	const since = sinceFrom(body);
	const existing = reviewsOf(state, bu);
	let floor = existing.length ? existing[existing.length - 1].createdAt : 0;
	let newest = floor;
	const created = [];
	const invited = body.referenceId !== undefined || body.email !== undefined;
	// Stamps to the whole second keep the list ascending but let a burst share one createdAt.
	const wholeSeconds = hasVariant(state, 'created-whole-seconds');
	for (let i = 0; i < count; i += 1) {
		// `since`: reviews that already exist (a backfill's history), 1 ms apart from that instant
		// on; otherwise stamped as they arrive, which a fast bulk add pushes ahead of the clock.
		const issued = since === undefined ? state.clock.next(floor) : Math.max(since + i, floor + 1);
		// Never below the newest review, so the list stays in createdAt order.
		const createdAt = wholeSeconds ? Math.max(Math.floor(issued / 1000) * 1000, newest) : issued;
		floor = issued;
		newest = createdAt;
		const language = body.language ?? 'en';
		const consumer = body.email
			? findOrMakeConsumer(state, state.rng, { language, email: body.email, createdAt })
			: makeConsumer(state, state.rng, { language, createdAt });
		const review = makeReview(state, state.rng, bu, {
			createdAt,
			consumer,
			stars: body.stars,
			language,
			text: body.text,
			title: body.title,
			referenceId: body.referenceId,
			email: body.email,
			tags: body.tags,
			source: invited ? 'afs' : 'trustpilot',
			rich: false,
		});
		if (body.locationId) review.locationId = body.locationId;
		if (body.reported === true) review.reportData = reportedBy(createdAt);
		registerReview(state, bu, review);
		created.push(review);
	}
	const origin = instance.origins.api;
	return {
		count,
		truncated: count > MAX_RETURNED,
		reviews: created.slice(0, MAX_RETURNED).map((review) => privateReview(state, review, origin)),
	};
}

export function addProductReviews(instance, body) {
	const { state } = instance;
	const bu = businessUnitFrom(state, body);
	if (typeof body.sku !== 'string' || body.sku === '') throw badRequest('sku', 'is required');
	const count = countFrom(body);
	checkStars(body.stars);
	checkText(body, ['content', 'email']);
	const states = ['published', 'unpublished', 'underModeration', 'archived'];
	if (body.state !== undefined && !states.includes(body.state))
		throw badRequest('state', `must be one of ${states.join(', ')}`);
	if (!bu.products.has(body.sku))
		bu.products.set(body.sku, makeProduct(state.rng, bu, { sku: body.sku, title: body.sku }));
	let floor = bu.productReviews.length
		? bu.productReviews[bu.productReviews.length - 1].createdAt
		: 0;
	const created = [];
	for (let i = 0; i < count; i += 1) {
		const createdAt = state.clock.next(floor);
		floor = createdAt;
		const consumer = body.email
			? findOrMakeConsumer(state, state.rng, {
					language: body.language ?? 'en',
					email: body.email,
					createdAt,
				})
			: undefined;
		const review = makeProductReview(state, state.rng, bu, {
			sku: body.sku,
			createdAt,
			stars: body.stars,
			state: body.state ?? 'published',
			language: body.language ?? 'en',
			content: body.content,
			consumer,
		});
		registerProductReview(state, bu, review);
		created.push(review);
	}
	return {
		count,
		truncated: count > MAX_RETURNED,
		productReviews: created
			.slice(0, MAX_RETURNED)
			.map((review) => privateProductReview(state, review)),
	};
}

export function getReview(instance, id) {
	const { state } = instance;
	const review = state.reviews.get(id);
	if (review) {
		const shape = privateReview(state, review, instance.origins.api);
		shape.findReviewer = {
			isEligible: review.findReviewer.isEligible,
			requests: review.findReviewer.requests.map((request) => ({ ...request })),
		};
		return {
			...shape,
			kind: 'service',
			businessUnitId: review.businessUnitId,
			consumerId: review.consumerId,
			likedBy: [...review.likes],
		};
	}
	const productReview = state.productReviews.get(id);
	if (productReview) return { ...privateProductReview(state, productReview), kind: 'product' };
	throw notFound(`Review ${id} not found`);
}

/** A business user's report, as the seeded reported reviews carry it. */
function reportedBy(createdAt) {
	return {
		source: 'BusinessUser',
		publicComment: null,
		createdAt,
		reasons: ['fake'],
		reason: 'fake',
		reviewVisibility: 'visible',
	};
}

export function patchReview(instance, id, body) {
	const { state } = instance;
	const review = state.reviews.get(id);
	if (!review) throw notFound(`Review ${id} not found`);
	checkStars(body.stars);
	checkText(body, ['text', 'title']);
	if (body.stars !== undefined) review.stars = body.stars;
	if (body.text !== undefined) review.text = body.text;
	if (body.title !== undefined) review.title = body.title;
	if (body.reported === true && !review.reportData)
		review.reportData = reportedBy(state.clock.next());
	if (body.reported === false) review.reportData = null;
	review.updatedAt = state.clock.next();
	touch(state.businessUnits.get(review.businessUnitId));
	return privateReview(state, review, instance.origins.api);
}

export function deleteReview(instance, id) {
	const { state } = instance;
	const review = state.reviews.get(id);
	if (review) {
		removeReview(state, review);
		return;
	}
	const productReview = state.productReviews.get(id);
	if (!productReview) throw notFound(`Review ${id} not found`);
	const bu = state.businessUnits.get(productReview.businessUnitId);
	bu.productReviews = bu.productReviews.filter((candidate) => candidate !== productReview);
	state.productReviews.delete(id);
}
