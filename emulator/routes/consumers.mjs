// Consumer API (public): profiles and a consumer's reviews. E-mail addresses are never exposed here.
import { notFound } from '../lib/errors.mjs';
import { pageLinks, parseBoolParam, parsePaging, single, slicePage } from '../lib/pagination.mjs';
import { parseReviewFilters } from '../lib/reviewQuery.mjs';
import { link, publicReview } from '../lib/shapes.mjs';
import { iso } from '../lib/time.mjs';
import { ok, optionalLocale, siteForLocale } from './shared.mjs';

const route = (path, handler) => ({
	host: 'api',
	method: 'GET',
	path: `/v1/consumers/{consumerId}${path}`,
	auth: 'apikey',
	handler,
});

function findConsumer(ctx) {
	const consumer = ctx.state.consumers.get(ctx.params.consumerId);
	if (!consumer) throw notFound(`Consumer ${ctx.params.consumerId} not found`);
	return consumer;
}

function summary(ctx) {
	const consumer = findConsumer(ctx);
	const base = `${ctx.origin}/v1/consumers/${consumer.id}`;
	return ok({
		links: [
			link(base, 'self'),
			link(`${base}/profile`, 'profile'),
			link(`${base}/reviews`, 'reviews'),
		],
		id: consumer.id,
		displayName: consumer.displayName,
		displayLocation: consumer.displayLocation,
		numberOfReviews: consumer.reviewIds.length,
		countryCode: consumer.countryCode,
		hasImage: false,
	});
}

function profile(ctx) {
	const consumer = findConsumer(ctx);
	const emptyImage = { url: null, width: 0, height: 0 };
	return ok({
		id: consumer.id,
		displayName: consumer.displayName,
		locale: consumer.locale,
		country: consumer.countryCode,
		city: consumer.displayLocation ? consumer.displayLocation.split(',')[0] : null,
		about: null,
		gender: null,
		createdAt: iso(consumer.createdAt),
		hasImage: false,
		birthYear: null,
		numberOfReviews: consumer.reviewIds.length,
		profileImage: {
			image24x24: { ...emptyImage },
			image35x35: { ...emptyImage },
			image64x64: { ...emptyImage },
			image73x73: { ...emptyImage },
		},
	});
}

function reviews(ctx) {
	const consumer = findConsumer(ctx);
	const filters = parseReviewFilters(ctx.query, { isPrivate: false });
	const businessUnitId = single(ctx.query, 'businessUnitId');
	const includeReported = parseBoolParam(ctx.query, 'includeReportedReviews') ?? false;
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 100 });
	const items = consumer.reviewIds
		.map((id) => ctx.state.reviews.get(id))
		.filter(
			(review) =>
				review &&
				(includeReported || !review.reportData) &&
				(!filters.stars.length || filters.stars.includes(review.stars)) &&
				(!filters.languages.length || filters.languages.includes(review.language)) &&
				(!businessUnitId || review.businessUnitId === businessUnitId),
		);
	const [order] = filters.orderBy;
	const [field, direction] = order.split('.');
	const value = (review) => (field === 'stars' ? review.stars : review.createdAt);
	items.sort(
		(a, b) =>
			(direction === 'asc' ? value(a) - value(b) : value(b) - value(a)) ||
			b.createdAt - a.createdAt,
	);
	return ok({
		links: pageLinks(ctx, paging, items.length),
		reviews: slicePage(items, paging).map((r) => publicReview(ctx.state, r, ctx.origin)),
	});
}

function webLinks(ctx) {
	const consumer = findConsumer(ctx);
	const locale = optionalLocale(ctx) ?? 'en-US';
	return ok({ links: [], locale, profileUrl: `${siteForLocale(locale)}/users/${consumer.id}` });
}

export const consumerRoutes = [
	route('', summary),
	route('/profile', profile),
	route('/reviews', reviews),
	route('/web-links', webLinks),
];
