// Filtering and ordering of service-review lists. Results are cached per business unit and
// query shape until the unit changes, so deep pagination only slices a prepared array.
import { badRequest } from './errors.mjs';
import { list, parseBoolParam, single } from './pagination.mjs';
import { parseApiDateTime } from './time.mjs';
import { reviewsOf } from './state.mjs';

const ORDER_KEYS = new Set(['createdat.asc', 'createdat.desc', 'stars.asc', 'stars.desc']);
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[a-z]{2})?$/i;
const MAX_CACHED_QUERIES = 64;

export function parseReviewFilters(
	query,
	{ isPrivate, ignoreIncludeReported = false, startExclusive = false },
) {
	const stars = list(query, 'stars').map((value) => {
		if (!/^[1-5]$/.test(value))
			throw badRequest('stars', 'must be a comma-separated list of integers between 1 and 5');
		return Number(value);
	});
	const languages = list(query, 'language')
		.filter((value) => value.toLowerCase() !== 'all')
		.map((value) => {
			if (!LANGUAGE_PATTERN.test(value))
				throw badRequest('language', `'${value}' is not a language code`);
			return value.toLowerCase().slice(0, 2);
		});
	const orderBy = list(query, 'orderBy').map((value) => {
		const lower = value.toLowerCase();
		if (!ORDER_KEYS.has(lower))
			throw badRequest(
				'orderBy',
				'must be one of createdat.asc, createdat.desc, stars.asc, stars.desc',
			);
		return lower;
	});
	const filters = {
		stars: [...new Set(stars)].sort(),
		languages: [...new Set(languages)].sort(),
		internalLocationId: single(query, 'internalLocationId') ?? null,
		tagGroup: single(query, 'tagGroup') ?? null,
		tagValue: single(query, 'tagValue') ?? null,
		responded: parseBoolParam(query, 'responded') ?? null,
		includeReported:
			(parseBoolParam(query, 'includeReportedReviews') ?? false) && !ignoreIncludeReported,
		orderBy: orderBy.length ? orderBy : ['createdat.desc'],
		isPrivate,
	};
	if (isPrivate) Object.assign(filters, parsePrivateFilters(query), { startExclusive });
	return filters;
}

function parseDate(query, key) {
	const raw = single(query, key);
	if (raw === undefined || raw === '') return null;
	const ms = parseApiDateTime(raw);
	if (ms === null)
		throw badRequest(
			key,
			'must be a date-time like 2013-09-07T13:37:00 (optionally with Z or an offset)',
		);
	return ms;
}

function parsePrivateFilters(query) {
	const findReviewer = single(query, 'findReviewer') ?? null;
	if (
		findReviewer !== null &&
		!['contacted', 'notcontacted'].includes(findReviewer.toLowerCase())
	) {
		throw badRequest('findReviewer', 'must be contacted or notContacted');
	}
	const start = parseDate(query, 'startDateTime');
	const end = parseDate(query, 'endDateTime');
	if (start !== null && end !== null && end < start)
		throw badRequest('endDateTime', 'must not be before startDateTime');
	return {
		ignoreTagValueCase: parseBoolParam(query, 'ignoreTagValueCase') ?? false,
		referenceId: single(query, 'referenceId') ?? null,
		referralEmail: single(query, 'referralEmail')?.toLowerCase() ?? null,
		reported: parseBoolParam(query, 'reported') ?? null,
		start,
		end,
		sources: list(query, 'source')
			.map((value) => value.toLowerCase())
			.sort(),
		username: single(query, 'username')?.toLowerCase() ?? null,
		findReviewer: findReviewer?.toLowerCase() ?? null,
		locationId: single(query, 'locationId') ?? null,
	};
}

function buildPredicate(state, bu, f) {
	const locationIdsForExternal = f.locationId
		? new Set(
				bu.locations
					.filter((l) => l.id === f.locationId || l.externalId === f.locationId)
					.map((l) => l.id),
			)
		: null;
	const tagValue =
		f.tagValue !== null && f.ignoreTagValueCase ? f.tagValue.toLowerCase() : f.tagValue;
	return (review) => {
		if (f.reported === true) {
			if (!review.reportData) return false;
		} else if (f.reported === false) {
			if (review.reportData) return false;
		} else if (!f.includeReported && review.reportData) return false;
		if (f.stars.length && !f.stars.includes(review.stars)) return false;
		if (f.languages.length && !f.languages.includes(review.language)) return false;
		if (f.internalLocationId !== null && review.locationId !== f.internalLocationId) return false;
		if (f.responded !== null && (review.companyReply !== null) !== f.responded) return false;
		if (f.tagGroup !== null || tagValue !== null) {
			const hit = review.tags.some(
				(tag) =>
					(f.tagGroup === null || tag.group === f.tagGroup) &&
					(tagValue === null ||
						(f.ignoreTagValueCase ? tag.value.toLowerCase() : tag.value) === tagValue),
			);
			if (!hit) return false;
		}
		if (f.isPrivate) {
			if (
				f.start !== null &&
				(f.startExclusive ? review.createdAt <= f.start : review.createdAt < f.start)
			)
				return false;
			if (f.end !== null && review.createdAt >= f.end) return false;
			if (f.referenceId !== null && review.referenceId !== f.referenceId) return false;
			if (
				f.referralEmail !== null &&
				(review.referralEmail ?? '').toLowerCase() !== f.referralEmail
			)
				return false;
			if (f.sources.length && !f.sources.includes(review.source.toLowerCase())) return false;
			if (
				f.username !== null &&
				state.consumers.get(review.consumerId).displayName.toLowerCase() !== f.username
			)
				return false;
			if (
				f.findReviewer !== null &&
				review.findReviewer.requests.length > 0 !== (f.findReviewer === 'contacted')
			)
				return false;
			if (locationIdsForExternal !== null && !locationIdsForExternal.has(review.locationId))
				return false;
		}
		return true;
	};
}

function comparatorFor(orderBy) {
	const keys = [...orderBy];
	if (!keys.some((key) => key.startsWith('createdat'))) keys.push('createdat.desc');
	return (a, b) => {
		for (const key of keys) {
			const [field, direction] = key.split('.');
			const left = field === 'stars' ? a.stars : a.createdAt;
			const right = field === 'stars' ? b.stars : b.createdAt;
			if (left !== right) return direction === 'asc' ? left - right : right - left;
		}
		return a.id < b.id ? -1 : 1;
	};
}

/** Filtered + ordered reviews of a business unit (cached until the unit changes). */
export function queryReviews(state, bu, filters) {
	const all = reviewsOf(state, bu);
	const key = JSON.stringify(filters);
	const cached = bu.queryCache.get(key);
	if (cached && cached.version === bu.version) return cached.items;
	let items = all.filter(buildPredicate(state, bu, filters));
	const order = filters.orderBy;
	if (order.length === 1 && order[0] === 'createdat.desc') items.reverse();
	else if (!(order.length === 1 && order[0] === 'createdat.asc')) items.sort(comparatorFor(order));
	if (bu.queryCache.size >= MAX_CACHED_QUERIES) bu.queryCache.clear();
	bu.queryCache.set(key, { version: bu.version, items });
	return items;
}
