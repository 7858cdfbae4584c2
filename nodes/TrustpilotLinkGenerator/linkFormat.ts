import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Trustpilot's localized sites: `https://<site>.trustpilot.com/evaluate-bgl/...` opens the review
 * page in that site's language. `www` is the international (English) site.
 */
export const COUNTRY_SITES: INodePropertyOptions[] = [
	{ name: 'Australia', value: 'au', description: 'Review page on au.trustpilot.com' },
	{ name: 'Austria', value: 'at', description: 'Review page on at.trustpilot.com' },
	{ name: 'Belgium (Dutch)', value: 'nl-be', description: 'Review page on nl-be.trustpilot.com' },
	{ name: 'Belgium (French)', value: 'fr-be', description: 'Review page on fr-be.trustpilot.com' },
	{ name: 'Brazil', value: 'br', description: 'Review page on br.trustpilot.com' },
	{ name: 'Canada', value: 'ca', description: 'Review page on ca.trustpilot.com' },
	{ name: 'Denmark', value: 'dk', description: 'Review page on dk.trustpilot.com' },
	{ name: 'Finland', value: 'fi', description: 'Review page on fi.trustpilot.com' },
	{ name: 'France', value: 'fr', description: 'Review page on fr.trustpilot.com' },
	{ name: 'Germany', value: 'de', description: 'Review page on de.trustpilot.com' },
	{
		name: 'International (English)',
		value: 'www',
		description: 'Review page on www.trustpilot.com',
	},
	{ name: 'Ireland', value: 'ie', description: 'Review page on ie.trustpilot.com' },
	{ name: 'Italy', value: 'it', description: 'Review page on it.trustpilot.com' },
	{ name: 'Japan', value: 'jp', description: 'Review page on jp.trustpilot.com' },
	{ name: 'Netherlands', value: 'nl', description: 'Review page on nl.trustpilot.com' },
	{ name: 'New Zealand', value: 'nz', description: 'Review page on nz.trustpilot.com' },
	{ name: 'Norway', value: 'no', description: 'Review page on no.trustpilot.com' },
	{ name: 'Poland', value: 'pl', description: 'Review page on pl.trustpilot.com' },
	{ name: 'Portugal', value: 'pt', description: 'Review page on pt.trustpilot.com' },
	{ name: 'Spain', value: 'es', description: 'Review page on es.trustpilot.com' },
	{ name: 'Sweden', value: 'se', description: 'Review page on se.trustpilot.com' },
	{ name: 'Switzerland', value: 'ch', description: 'Review page on ch.trustpilot.com' },
	{ name: 'United Kingdom', value: 'uk', description: 'Review page on uk.trustpilot.com' },
];

export const DEFAULT_COUNTRY_SITE = 'www';

// Also accepts sites missing from the list (set by expression), as long as they look like a subdomain.
const COUNTRY_SITE = /^(www|[a-z]{2}(-[a-z]{2})?)$/;

export function isCountrySite(value: string): boolean {
	return COUNTRY_SITE.test(value);
}

/** The review link; the payload is percent-encoded so `+`, `/` and `=` survive every mail client. */
export function buildReviewLink(
	countrySite: string,
	domain: string,
	payloadBase64: string,
): string {
	return `https://${countrySite}.trustpilot.com/evaluate-bgl/${encodeURIComponent(domain)}?p=${encodeURIComponent(payloadBase64)}`;
}

export interface LinkParts {
	payload: string;
	/** Only when a whole link was given. */
	domain?: string;
	countrySite?: string;
}

const LINK =
	/^(?:https?:\/\/)?([^/?#\s]+)\/evaluate-bgl\/(?:embed\/)?([^/?#\s]+)\/?(?:\?([^#]*))?/i;
const TRUSTPILOT_HOST = /^([a-z-]+)\.trustpilot\.com$/i;

function percentDecode(text: string, what: string): string {
	let decoded: string | undefined;
	try {
		decoded = decodeURIComponent(text);
	} catch {
		decoded = undefined;
	}
	if (decoded === undefined) throw new Error(`The ${what} has broken percent-encoding`);
	return decoded;
}

// Base64 has no spaces: a space is a `+` that something decoded as a form value, so put it back.
// Only line breaks and tabs are trimmed: a leading space may be such a `+` (it depends on the IV).
function repairPlus(payload: string): string {
	return payload.replace(/[\t\r\n]/g, '').replace(/ /g, '+');
}

/** Accepts a whole review link, or just its `p` value (raw or percent-encoded). */
export function parseLinkOrPayload(input: string): LinkParts {
	const text = input.trim();
	if (text === '') throw new Error('The link is empty');
	const isLink = /^https?:\/\//i.test(text) || /\/evaluate-bgl\//i.test(text);
	if (!isLink) return { payload: repairPlus(percentDecode(input, 'payload')) };

	const match = LINK.exec(text);
	if (!match)
		throw new Error('The link is not a Trustpilot review link (…/evaluate-bgl/<domain>?p=…)');
	const [, host, rawDomain, query = ''] = match;
	const pair = query.split('&').find((part) => part.startsWith('p='));
	if (pair === undefined || pair.length === 2)
		throw new Error('The link has no p= parameter with the payload');
	return {
		payload: repairPlus(percentDecode(pair.slice(2), 'link')),
		domain: percentDecode(rawDomain, 'link').toLowerCase(),
		countrySite: TRUSTPILOT_HOST.exec(host)?.[1]?.toLowerCase(),
	};
}
