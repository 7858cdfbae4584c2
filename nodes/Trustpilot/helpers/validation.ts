import type { IExecuteFunctions } from 'n8n-workflow';

import {
	fieldError,
	parseUtcDate,
	readList,
	requireText as requireSharedText,
} from '../../shared/validate';

export { readText, readNumber, toTrustpilotDateTime } from '../../shared/validate';

const OBJECT_ID = /^[0-9a-f]{24}$/i;
// Deliberately simple: one @, no spaces, a dot in the domain. Trustpilot validates the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const fail = fieldError;

export function requireText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	maxLength?: number,
): string {
	return requireSharedText(ctx, itemIndex, field, value, maxLength);
}

export function requireId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const id = requireText(ctx, itemIndex, field, value);
	if (!OBJECT_ID.test(id)) {
		fail(
			ctx,
			itemIndex,
			field,
			`"${id.slice(0, 40)}" is not a Trustpilot ID`,
			'Trustpilot IDs have 24 hexadecimal characters, e.g. 5f3b2c1a9d8e7f6a5b4c3d2e.',
		);
	}
	return id;
}

export function requireEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const email = requireText(ctx, itemIndex, field, value);
	if (email.length > 254)
		fail(
			ctx,
			itemIndex,
			field,
			`is ${email.length} characters long; an email address has at most 254`,
		);
	if (!EMAIL.test(email))
		fail(ctx, itemIndex, field, `"${email.slice(0, 80)}" is not a valid email address`);
	return email;
}

/** A list typed as comma-separated text (e.g. SKUs), or an array from an expression; blanks dropped. */
export function parseList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string[] {
	return readList(ctx, itemIndex, field, value);
}

/** Tags must not contain spaces (Trustpilot rejects them); accepts an array or a comma-separated string. */
export function parseTags(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string[] {
	const tags = parseList(ctx, itemIndex, field, value);
	const bad = tags.find((tag) => /\s/.test(tag));
	if (bad !== undefined)
		fail(
			ctx,
			itemIndex,
			field,
			`the tag "${bad}" contains a space`,
			'Trustpilot tags cannot contain spaces; use e.g. "order-2024" instead.',
		);
	return tags;
}

/** A full http(s) address, e.g. a product page or a redirect after reviewing. */
export function requireHttpUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const url = requireText(ctx, itemIndex, field, value);
	let protocol = '';
	try {
		protocol = new URL(url).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'https:' && protocol !== 'http:') {
		fail(
			ctx,
			itemIndex,
			field,
			`"${url.slice(0, 80)}" is not a web address`,
			`Use a full address starting with https://. Check the "${field}" parameter of item ${itemIndex + 1}.`,
		);
	}
	return url;
}

/** A moment (see the shared UTC parser): no zone means UTC; impossible dates are errors. */
export function parseDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): Date {
	return parseUtcDate(ctx, itemIndex, field, value);
}
