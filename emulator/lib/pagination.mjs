// Page-based (page/perPage + links[]) and opaque-cursor pagination helpers.
import { badRequest } from './errors.mjs';
import { link } from './shapes.mjs';
import { hasVariant } from './variants.mjs';

const MAX_PAGE = 2147483647;

/** First value of a query parameter (repeated keys give arrays; scalars use the first). */
export function single(query, key) {
	const value = query[key];
	return Array.isArray(value) ? value[0] : value;
}

/** Comma-separated and/or repeated list parameter → array of trimmed non-empty strings. */
export function list(query, key) {
	const value = query[key];
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value])
		.flatMap((item) => item.split(','))
		.map((item) => item.trim())
		.filter(Boolean);
}

export function parseIntParam(query, key, { min, max, fallback }) {
	const raw = single(query, key);
	if (raw === undefined || raw === '') return fallback;
	if (!/^-?\d+$/.test(raw.trim()))
		throw badRequest(key, `must be an integer between ${min} and ${max}`);
	const value = Number(raw);
	if (value < min || value > max)
		throw badRequest(key, `must be an integer between ${min} and ${max}`);
	return value;
}

export function parseBoolParam(query, key) {
	const raw = single(query, key);
	if (raw === undefined || raw === '') return undefined;
	const lower = raw.toLowerCase();
	if (lower === 'true') return true;
	if (lower === 'false') return false;
	throw badRequest(key, 'must be true or false');
}

/** page (1-based) and perPage; `perPageKeys` lets search accept its lower-case `perpage`. */
export function parsePaging(
	query,
	{ defaultPerPage, maxPerPage, minPerPage = 1, perPageKeys = ['perPage'] },
) {
	const page = parseIntParam(query, 'page', { min: 1, max: MAX_PAGE, fallback: 1 });
	const key =
		perPageKeys.find((candidate) => single(query, candidate) !== undefined) ?? perPageKeys[0];
	const perPage = parseIntParam(query, key, {
		min: minPerPage,
		max: maxPerPage,
		fallback: defaultPerPage,
	});
	return { page, perPage };
}

export function slicePage(items, { page, perPage }) {
	const start = (page - 1) * perPage;
	return start >= items.length ? [] : items.slice(start, start + perPage);
}

function hrefWithPage(ctx, page) {
	const params = new URLSearchParams(ctx.url.search);
	if (hasVariant(ctx.state, 'links-without-filters')) {
		// Variant: the link names the page only; a client must keep its own filters.
		for (const key of [...params.keys()])
			if (key !== 'perPage' && key !== 'perpage') params.delete(key);
	}
	params.set('page', String(page));
	return `${ctx.origin}${ctx.path}?${params.toString()}`;
}

/** links[] with absolute hrefs that keep every query parameter of the request. */
export function pageLinks(ctx, { page, perPage }, total) {
	const links = [link(hrefWithPage(ctx, page), 'self')];
	if (page > 1) links.push(link(hrefWithPage(ctx, page - 1), 'prev-page'));
	if (page * perPage < total) links.push(link(hrefWithPage(ctx, page + 1), 'next-page'));
	return links;
}

export function encodeCursor(value) {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor(raw, field) {
	try {
		const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
		if (value && typeof value === 'object') return value;
	} catch {
		// fall through to the validation error below
	}
	throw badRequest(field, 'is not a valid token from a previous response');
}
