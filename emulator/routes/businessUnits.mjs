// Public Business Units API (API key only).
import { badRequest, notFound } from '../lib/errors.mjs';
import {
	decodeCursor,
	encodeCursor,
	pageLinks,
	parseIntParam,
	parsePaging,
	single,
	slicePage,
} from '../lib/pagination.mjs';
import { parseReviewFilters, queryReviews } from '../lib/reviewQuery.mjs';
import { hasVariant } from '../lib/variants.mjs';
import { link, publicBusinessUnit as buShape, publicReview } from '../lib/shapes.mjs';
import { countryList, ok, publicBusinessUnit, requiredParam, siteForLocale } from './shared.mjs';

const api = (method, path, handler) => ({
	host: 'api',
	method,
	path: `/v1/business-units${path}`,
	auth: 'apikey',
	handler,
});

function find(ctx) {
	const name = requiredParam(ctx, 'name');
	const bu = ctx.state.businessUnitsByName.get(name.toLowerCase());
	if (!bu) throw notFound(`Business unit with name '${name}' not found`);
	return ok(buShape(ctx.state, bu, ctx.origin));
}

/** Cursor pagination over all business units in id order; the cursor names the last id served. */
function all(ctx) {
	const countries = countryList(ctx);
	const perPage = parseIntParam(ctx.query, 'perPage', { min: 1, max: 1000, fallback: 1000 });
	const rawCursor = single(ctx.query, 'cursor');
	const after = rawCursor ? decodeCursor(rawCursor, 'cursor').after : null;
	if (rawCursor && typeof after !== 'string')
		throw badRequest('cursor', 'is not a valid token from a previous response');
	const units = ctx.state.businessUnitList;
	let low = 0;
	let high = units.length;
	while (after !== null && low < high) {
		const mid = (low + high) >> 1;
		if (units[mid].id <= after) low = mid + 1;
		else high = mid;
	}
	const page = [];
	let index = after === null ? 0 : low;
	for (; index < units.length && page.length < perPage; index += 1) {
		if (!countries.length || countries.includes(units[index].country)) page.push(units[index]);
	}
	let hasMore = false;
	for (let probe = index; probe < units.length; probe += 1) {
		if (!countries.length || countries.includes(units[probe].country)) {
			hasMore = true;
			break;
		}
	}
	const body = { businessUnits: page.map((bu) => buShape(ctx.state, bu, ctx.origin)) };
	const cursor = hasMore && page.length ? encodeCursor({ after: page[page.length - 1].id }) : null;
	// Variant: the last page has no cursor field at all (what Airbyte's connector would see as missing).
	if (cursor !== null || !hasVariant(ctx.state, 'cursor-absent')) body.cursor = cursor;
	return ok(body);
}

function search(ctx) {
	const query = requiredParam(ctx, 'query').toLowerCase();
	const countries = countryList(ctx);
	const paging = parsePaging(ctx.query, {
		defaultPerPage: 20,
		maxPerPage: 1000,
		perPageKeys: ['perpage', 'perPage'],
	});
	const hits = ctx.state.businessUnitList.filter(
		(bu) =>
			(!countries.length || countries.includes(bu.country)) &&
			(bu.displayName.toLowerCase().includes(query) ||
				bu.referringNames.some((name) => name.toLowerCase().includes(query))),
	);
	return ok({
		links: pageLinks(ctx, paging, hits.length),
		businessUnits: slicePage(hits, paging).map((bu) => buShape(ctx.state, bu, ctx.origin)),
	});
}

function profileInfo(ctx) {
	const bu = publicBusinessUnit(ctx);
	const owned = bu.accountId !== null;
	const domain = bu.identifyingName;
	return ok({
		links: [link(`${ctx.origin}/v1/business-units/${bu.id}/profileinfo`, 'self')],
		isSubscriber: bu.isSubscriber,
		email: owned ? `support@${domain}` : null,
		phone: owned ? '+1 555 0100' : null,
		companyName: owned ? `${bu.displayName} Inc.` : bu.displayName,
		address: owned
			? {
					street: '1 Example Street',
					city: 'Springfield',
					postcode: '12345',
					country: bu.country === 'DE' ? 'Germany' : 'United States',
					countryCode: bu.country,
				}
			: { street: null, city: null, postcode: null, country: null, countryCode: bu.country },
		description: owned
			? {
					header: `About ${bu.displayName}`,
					text: 'Demo business unit served by the local Trustpilot emulator.',
				}
			: { header: null, text: null },
		socialmedia: {
			facebook: owned ? `https://facebook.com/${domain}` : null,
			linkedin: null,
			twitter: null,
			googleplus: null,
			youtube: null,
			instagram: null,
		},
		facebookPageId: null,
		facebookPageUrl: owned ? `https://facebook.com/${domain}` : null,
		isFacebookActivated: false,
		isCommentsEnabled: true,
		isIncentivisingUsers: false,
		isClaimed: owned,
	});
}

function webLinks(ctx) {
	const bu = publicBusinessUnit(ctx);
	const locale = requiredParam(ctx, 'locale');
	if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale))
		throw badRequest('locale', 'must be a locale like en-US or da-DK');
	const site = siteForLocale(locale);
	return ok({
		links: [link(`${ctx.origin}/v1/business-units/${bu.id}/web-links?locale=${locale}`, 'self')],
		locale,
		profileUrl: `${site}/review/${bu.identifyingName}`,
		evaluateUrl: `${site}/evaluate/${bu.identifyingName}`,
		evaluateEmbedUrl: `${site}/evaluate/embed/${bu.identifyingName}`,
	});
}

function categories(ctx) {
	const bu = publicBusinessUnit(ctx);
	countryList(ctx);
	return ok({
		categories: bu.categoryIds.map((id, index) => {
			const category = ctx.state.categories.find((candidate) => candidate.categoryId === id);
			return {
				categoryId: category.categoryId,
				displayName: category.displayName,
				name: category.name,
				isPrimary: index === 0,
			};
		}),
	});
}

function reviews(ctx) {
	const bu = publicBusinessUnit(ctx);
	const filters = parseReviewFilters(ctx.query, { isPrivate: false });
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 100 });
	if (hasVariant(ctx.state, 'public-list-filtered-after-paging')) {
		// Variant: pages are cut from the list with reported reviews, which are then left out.
		const counted = queryReviews(ctx.state, bu, { ...filters, includeReported: true });
		return ok({
			links: pageLinks(ctx, paging, counted.length),
			reviews: slicePage(counted, paging)
				.filter((review) => !review.reportData)
				.map((r) => publicReview(ctx.state, r, ctx.origin)),
		});
	}
	const items = queryReviews(ctx.state, bu, filters);
	return ok({
		links: pageLinks(ctx, paging, items.length),
		reviews: slicePage(items, paging).map((r) => publicReview(ctx.state, r, ctx.origin)),
	});
}

/** Keyset pagination (newest first): the token remembers the last review served, so new reviews never shift pages. */
function allReviews(ctx) {
	const bu = publicBusinessUnit(ctx);
	const perPage = parseIntParam(ctx.query, 'perPage', { min: 1, max: 100, fallback: 20 });
	const rawToken = single(ctx.query, 'pageToken');
	const token = rawToken ? decodeCursor(rawToken, 'pageToken') : null;
	if (token && !(Number.isFinite(token.t) && typeof token.id === 'string'))
		throw badRequest('pageToken', 'is not a valid token from a previous response');
	const items = queryReviews(ctx.state, bu, parseReviewFilters({}, { isPrivate: false }));
	let start = 0;
	if (token) {
		let low = 0;
		let high = items.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			const item = items[mid];
			if (item.createdAt > token.t || (item.createdAt === token.t && item.id <= token.id))
				low = mid + 1;
			else high = mid;
		}
		start = low;
	}
	const page = items.slice(start, start + perPage);
	const last = page[page.length - 1];
	const more = start + perPage < items.length;
	return ok({
		reviews: page.map((r) => publicReview(ctx.state, r, ctx.origin)),
		nextPageToken: more && last ? encodeCursor({ t: last.createdAt, id: last.id }) : null,
	});
}

function getOne(ctx) {
	return ok(buShape(ctx.state, publicBusinessUnit(ctx), ctx.origin));
}

export const businessUnitRoutes = [
	api('GET', '/find', find),
	api('GET', '/all', all),
	api('GET', '/search', search),
	api('GET', '/{businessUnitId}', getOne),
	api('GET', '/{businessUnitId}/profileinfo', profileInfo),
	api('GET', '/{businessUnitId}/web-links', webLinks),
	api('GET', '/{businessUnitId}/categories', categories),
	api('GET', '/{businessUnitId}/reviews', reviews),
	api('GET', '/{businessUnitId}/all-reviews', allReviews),
];
