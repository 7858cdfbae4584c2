// Private Business Units API (Bearer token of the owning account).
import { requireOwnBusinessUnit } from '../lib/auth.mjs';
import { pageLinks, parsePaging, slicePage } from '../lib/pagination.mjs';
import { parseReviewFilters, queryReviews } from '../lib/reviewQuery.mjs';
import { hasVariant } from '../lib/variants.mjs';
import { privateReview, publicBusinessUnit } from '../lib/shapes.mjs';
import { reviewsOf } from '../lib/state.mjs';
import { ok } from './shared.mjs';

const route = (method, path, handler) => ({
	host: 'api',
	method,
	path: `/v1/private/business-units/{businessUnitId}${path}`,
	auth: 'private',
	handler,
});

function getOne(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	return ok({
		...publicBusinessUnit(ctx.state, bu, ctx.origin),
		locations: bu.locations.map((location) => ({ ...location })),
	});
}

function reviews(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const filters = parseReviewFilters(ctx.query, {
		isPrivate: true,
		ignoreIncludeReported: hasVariant(ctx.state, 'reported-flag-ignored'),
		startExclusive: hasVariant(ctx.state, 'start-exclusive'),
	});
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 100 });
	const items = queryReviews(ctx.state, bu, filters);
	return ok({
		links: pageLinks(ctx, paging, items.length),
		reviews: slicePage(items, paging).map((r) => privateReview(ctx.state, r, ctx.origin)),
	});
}

function tags(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const seen = new Map();
	for (const review of reviewsOf(ctx.state, bu)) {
		for (const tag of review.tags) seen.set(`${tag.group}\u0000${tag.value}`, tag);
	}
	const sorted = [...seen.values()].sort((a, b) =>
		a.group + a.value < b.group + b.value ? -1 : 1,
	);
	return ok({ tags: sorted.map((tag) => ({ group: tag.group, value: tag.value })) });
}

export const privateBusinessUnitRoutes = [
	route('GET', '', getOne),
	route('GET', '/reviews', reviews),
	route('GET', '/tags', tags),
];
