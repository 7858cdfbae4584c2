// Webhook firing: POST {events:[{eventName, version, eventData}]} to a receiver, the way Trustpilot
// delivers review events. Basic auth comes from the URL's userinfo; nothing is signed (no
// signature scheme is documented).
import http from 'node:http';
import https from 'node:https';
import { badRequest, notFound } from './errors.mjs';
import { iso } from './time.mjs';

const TIMEOUT_MS = 10000;

function serviceReviewEventData(state, review, apiOrigin) {
	const consumer = state.consumers.get(review.consumerId);
	return {
		id: review.id,
		language: review.language,
		title: review.title,
		text: review.text,
		referenceId: review.referenceId,
		stars: review.stars,
		createdAt: iso(review.createdAt),
		isVerified: review.isVerified,
		locationId: review.locationId,
		link: `${apiOrigin}/v1/reviews/${review.id}`,
		consumer: {
			id: consumer.id,
			name: consumer.displayName,
			link: `${apiOrigin}/v1/consumers/${consumer.id}`,
		},
		tags: review.tags.map((tag) => ({ group: tag.group, value: tag.value })),
	};
}

function productReviewEventData(state, review) {
	const consumer = state.consumers.get(review.consumerId);
	const bu = state.businessUnits.get(review.businessUnitId);
	const product = bu.products.get(review.sku);
	return {
		id: review.id,
		stars: review.stars,
		content: review.content,
		product: {
			sku: review.sku,
			name: product?.title ?? null,
			productUrl: product?.link ?? null,
			imageUrl: product?.imageLink ?? null,
		},
		referenceId: review.referenceId,
		consumer: { id: consumer.id, name: consumer.displayName, email: consumer.email },
		state: review.state,
		createdAt: iso(review.createdAt),
	};
}

/** Builds the events array from the admin request (explicit events, or one event from a stored review). */
export function buildEvents(state, spec, apiOrigin) {
	const version = spec.version ?? '1';
	if (Array.isArray(spec.events)) {
		return spec.events.map((event, index) => {
			if (typeof event?.eventName !== 'string')
				throw badRequest(`events[${index}].eventName`, 'is required');
			return {
				eventName: event.eventName,
				version: event.version ?? version,
				eventData: event.eventData ?? {},
			};
		});
	}
	if (spec.reviewId) {
		const review = state.reviews.get(spec.reviewId);
		const productReview = review ? null : state.productReviews.get(spec.reviewId);
		const eventName =
			spec.eventName ?? (productReview ? 'product-review-created' : 'service-review-created');
		if (eventName.endsWith('-deleted'))
			return [{ eventName, version, eventData: { id: spec.reviewId } }];
		if (review)
			return [{ eventName, version, eventData: serviceReviewEventData(state, review, apiOrigin) }];
		if (productReview)
			return [{ eventName, version, eventData: productReviewEventData(state, productReview) }];
		throw notFound(`Review ${spec.reviewId} not found`);
	}
	if (typeof spec.eventName === 'string')
		return [{ eventName: spec.eventName, version, eventData: spec.eventData ?? {} }];
	throw badRequest('events', 'give events, reviewId or eventName');
}

/** POSTs to the receiver and resolves with its reply ({status, body}); rejects on network errors/timeouts. */
export function postWebhook(targetUrl, payloadText, extraHeaders = {}, { sendBasic = true } = {}) {
	let url;
	try {
		url = new URL(targetUrl);
	} catch {
		return Promise.reject(badRequest('url', 'must be an absolute URL'));
	}
	const headers = {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(payloadText),
		'user-agent': 'trustpilot-emulator-webhooks',
		...extraHeaders,
	};
	if (sendBasic && (url.username || url.password)) {
		headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
	}
	// Node's http client would turn the userinfo into Basic auth itself; the variant drops it.
	url.username = '';
	url.password = '';
	const transport = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = transport.request(
			url,
			{ method: 'POST', headers, timeout: TIMEOUT_MS },
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
				);
				response.on('error', reject);
			},
		);
		request.on('timeout', () =>
			request.destroy(new Error(`webhook receiver did not answer within ${TIMEOUT_MS} ms`)),
		);
		request.on('error', reject);
		request.end(payloadText);
	});
}
