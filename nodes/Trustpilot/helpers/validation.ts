import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const OBJECT_ID = /^[0-9a-f]{24}$/i;
// Deliberately simple: one @, no spaces, a dot in the domain. Trustpilot validates the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fail(ctx: IExecuteFunctions, itemIndex: number, field: string, problem: string, hint?: string): never {
	throw new NodeOperationError(ctx.getNode(), `${field}: ${problem}`, {
		itemIndex,
		description: hint ?? `Check the "${field}" parameter of item ${itemIndex + 1}.`,
	});
}

export function requireText(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown, maxLength?: number): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	if (text === '') fail(ctx, itemIndex, field, 'is required and was empty');
	if (maxLength !== undefined && text.length > maxLength) {
		fail(ctx, itemIndex, field, `is ${text.length} characters long; Trustpilot accepts at most ${maxLength}`);
	}
	return text;
}

export function requireId(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const id = requireText(ctx, itemIndex, field, value);
	if (!OBJECT_ID.test(id)) {
		fail(ctx, itemIndex, field, `"${id.slice(0, 40)}" is not a Trustpilot ID`, 'Trustpilot IDs have 24 hexadecimal characters, e.g. 5f3b2c1a9d8e7f6a5b4c3d2e.');
	}
	return id;
}

export function requireEmail(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const email = requireText(ctx, itemIndex, field, value);
	if (email.length > 254) fail(ctx, itemIndex, field, `is ${email.length} characters long; an email address has at most 254`);
	if (!EMAIL.test(email)) fail(ctx, itemIndex, field, `"${email.slice(0, 80)}" is not a valid email address`);
	return email;
}

/** A list typed as comma-separated text (e.g. SKUs), or an array from an expression; blanks dropped. */
export function parseList(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return list.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** Tags must not contain spaces (Trustpilot rejects them); accepts an array or a comma-separated string. */
export function parseTags(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	const tags = parseList(value);
	const bad = tags.find((tag) => /\s/.test(tag));
	if (bad !== undefined) fail(ctx, itemIndex, field, `the tag "${bad}" contains a space`, 'Trustpilot tags cannot contain spaces; use e.g. "order-2024" instead.');
	return tags;
}

/** A full http(s) address, e.g. a product page or a redirect after reviewing. */
export function requireHttpUrl(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const url = requireText(ctx, itemIndex, field, value);
	let protocol = '';
	try {
		protocol = new URL(url).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'https:' && protocol !== 'http:') {
		fail(ctx, itemIndex, field, `"${url.slice(0, 80)}" is not a web address`, `Use a full address starting with https://. Check the "${field}" parameter of item ${itemIndex + 1}.`);
	}
	return url;
}

/** Accepts anything Date can parse; returns ISO 8601 UTC without milliseconds. */
export function parseDate(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): Date {
	const raw = requireText(ctx, itemIndex, field, value);
	const date = new Date(raw);
	if (Number.isNaN(date.getTime())) fail(ctx, itemIndex, field, `"${raw.slice(0, 40)}" is not a date`, 'Use ISO 8601, e.g. 2024-05-01T09:30:00Z.');
	return date;
}

/** Trustpilot's date-time query format: `2013-09-07T13:37:00` (UTC). */
export function toTrustpilotDateTime(date: Date): string {
	return date.toISOString().slice(0, 19);
}
