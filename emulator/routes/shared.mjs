// Small helpers shared by route modules.
import { badRequest, notFound } from '../lib/errors.mjs';
import { list, single } from '../lib/pagination.mjs';

const LOCALE_PATTERN = /^[a-z]{2}-[A-Z]{2}$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (value) => typeof value === 'string' && EMAIL_PATTERN.test(value);
export const isLocale = (value) => typeof value === 'string' && LOCALE_PATTERN.test(value);

/** Public lookup: unknown business-unit ids are 404 on public endpoints. */
export function publicBusinessUnit(ctx) {
	const bu = ctx.state.businessUnits.get(ctx.params.businessUnitId);
	if (!bu) throw notFound(`Business unit ${ctx.params.businessUnitId} not found`);
	return bu;
}

export function requiredParam(ctx, key) {
	const value = single(ctx.query, key);
	if (value === undefined || value.trim() === '') throw badRequest(key, 'is required');
	return value.trim();
}

export function optionalLocale(ctx, key = 'locale') {
	const value = single(ctx.query, key);
	if (value === undefined || value === '') return null;
	if (!isLocale(value)) throw badRequest(key, 'must be a locale like en-US or da-DK');
	return value;
}

export function countryList(ctx, key = 'country') {
	return list(ctx.query, key).map((value) => {
		const upper = value.toUpperCase();
		if (!COUNTRY_PATTERN.test(upper))
			throw badRequest(key, `'${value}' is not an ISO 3166-1 alpha-2 country code`);
		return upper;
	});
}

const SUBDOMAIN_BY_COUNTRY = {
	US: 'www',
	GB: 'uk',
	DK: 'dk',
	DE: 'de',
	SE: 'se',
	FR: 'fr',
	ES: 'es',
	IT: 'it',
	NL: 'nl',
	AU: 'au',
	IE: 'ie',
	NO: 'no',
	AT: 'at',
	CH: 'ch',
	BE: 'be',
	PL: 'pl',
	FI: 'fi',
	CA: 'ca',
};

/** Consumer-site host for a locale (www for en-US and unknown countries). */
export function siteForLocale(locale) {
	const country = locale ? locale.slice(3) : 'US';
	return `https://${SUBDOMAIN_BY_COUNTRY[country] ?? 'www'}.trustpilot.com`;
}

/** Validates `tags` (array of strings without spaces) as used by invitations and BGL. */
export function validateStringTags(tags, field) {
	if (tags === undefined || tags === null) return [];
	if (!Array.isArray(tags)) throw badRequest(field, 'must be an array of strings');
	for (const tag of tags) {
		if (typeof tag !== 'string' || tag === '')
			throw badRequest(field, 'must be an array of non-empty strings');
		if (/\s/.test(tag))
			throw badRequest(field, `'${tag}' contains whitespace; tags cannot contain spaces`);
	}
	return [...tags];
}

export const ok = (body) => ({ status: 200, body });
