import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Validators shared by every node of the package. They take only what they need (a way to name
 * the node), so the action node, both triggers and the Link Generator use the same rules.
 */
export interface NodeContext {
	getNode(): INode;
}

/** Throws an item error that names the field as the user sees it. */
export function fieldError(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	problem: string,
	hint?: string,
): never {
	throw new NodeOperationError(ctx.getNode(), `${field}: ${problem}`, {
		itemIndex,
		description: hint ?? `Check the "${field}" parameter of item ${itemIndex + 1}.`,
	});
}

/** Throws an item error with a message of its own (when no single field is to blame). */
export function itemError(
	ctx: NodeContext,
	itemIndex: number,
	message: string,
	description: string,
): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return `the boolean ${String(value)}`;
	return `a ${typeof value}`;
}

/** A value a field could not take, quoted short: a long text or a whole item is not echoed into an error. */
function shownValue(value: unknown): string {
	if (typeof value === 'string')
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (typeof value === 'number' || value === undefined) return String(value);
	return kindOf(value);
}

/**
 * The one rule for every text that is sent to Trustpilot or encrypted into a link: a string
 * (trimmed) or a finite number; empty for undefined/null. Anything else, typically an object or
 * a list an expression resolved to, is an error instead of "[object Object]" reaching a customer.
 */
export function readText(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return value.toString();
	return fieldError(
		ctx,
		itemIndex,
		field,
		`must be text, but the value is ${kindOf(value)}`,
		`The expression for "${field}" (item ${itemIndex + 1}) gave ${kindOf(value)}. Point it at a single text field, e.g. {{ $json.name }}, not at a whole object or list.`,
	);
}

export function requireText(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
	maxLength?: number,
): string {
	const text = readText(ctx, itemIndex, field, value);
	if (text === '') fieldError(ctx, itemIndex, field, 'is required and was empty');
	if (maxLength !== undefined && text.length > maxLength) {
		fieldError(
			ctx,
			itemIndex,
			field,
			`is ${text.length} characters long; Trustpilot accepts at most ${maxLength}`,
		);
	}
	return text;
}

/** What reading a parameter takes: the node (for errors) and the item's parameter values. */
export interface ParameterContext extends NodeContext {
	getNodeParameter(name: string, itemIndex: number): unknown;
}

/** The text parameter `name` of an item, required (`requireText`); `field` as the user sees it. */
export function requireTextParameter(
	ctx: ParameterContext,
	itemIndex: number,
	name: string,
	field: string,
): string {
	return requireText(ctx, itemIndex, field, ctx.getNodeParameter(name, itemIndex));
}

/**
 * A list given as an array (expression) or as text split at `separators`; blanks dropped. Every
 * entry follows the text rule, so a list of objects is an error too.
 */
export function readList(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
	separators: RegExp = COMMA_SEPARATED,
): string[] {
	const entries = Array.isArray(value)
		? value.map((entry, index) => readText(ctx, itemIndex, `${field} #${index + 1}`, entry))
		: readText(ctx, itemIndex, field, value).split(separators);
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/**
 * Invitation and link tags (a list, as `readList`): Trustpilot rejects a tag with a space, so one
 * is an error here, before anything is sent or encrypted.
 */
export function readInvitationTags(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
): string[] {
	const tags = readList(ctx, itemIndex, field, value);
	const bad = tags.find((tag) => /\s/.test(tag));
	if (bad !== undefined)
		fieldError(
			ctx,
			itemIndex,
			field,
			`the tag "${bad}" contains a space`,
			'Trustpilot tags cannot contain spaces; use e.g. "order-2024" instead.',
		);
	return tags;
}

/** Separators of a typed list: commas (SKUs, tags, stars). */
export const COMMA_SEPARATED = /,/;
/** Email addresses (and an invitation's SKUs) may also come one a line or ";"-separated, as mail clients copy them. */
export const COMMA_LINE_OR_SEMICOLON_SEPARATED = /[,\n;]/;

// Trustpilot's object ids (business units, reviews, templates, users): 24 hexadecimal characters.
const TRUSTPILOT_ID = /^[0-9a-f]{24}$/i;
// Deliberately simple: one @, no spaces, a dot in the domain. Trustpilot validates the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A language-country code such as en-US or da-DK (Trustpilot reads either case).
const LOCALE = /^[a-z]{2}-[a-z]{2}$/i;

/** Whether a text is a Trustpilot id; for callers that skip (load options) rather than fail. */
export function isTrustpilotId(value: string): boolean {
	return TRUSTPILOT_ID.test(value);
}

export function requireId(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
	hint = 'Trustpilot IDs have 24 hexadecimal characters, e.g. 5f3b2c1a9d8e7f6a5b4c3d2e.',
): string {
	const id = requireText(ctx, itemIndex, field, value);
	if (!isTrustpilotId(id))
		fieldError(ctx, itemIndex, field, `"${id.slice(0, 40)}" is not a Trustpilot ID`, hint);
	// Trustpilot writes its ids in lower case; whether it also finds an id written in upper case
	// is not documented, so one copied that way is sent the way Trustpilot writes it.
	return id.toLowerCase();
}

/** The Trustpilot ID parameter `name` of an item, required (`requireId`). */
export function requireIdParameter(
	ctx: ParameterContext,
	itemIndex: number,
	name: string,
	field: string,
): string {
	return requireId(ctx, itemIndex, field, ctx.getNodeParameter(name, itemIndex));
}

export function requireEmail(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const email = requireText(ctx, itemIndex, field, value);
	if (email.length > 254)
		fieldError(
			ctx,
			itemIndex,
			field,
			`is ${email.length} characters long; an email address has at most 254`,
		);
	if (!EMAIL.test(email))
		fieldError(ctx, itemIndex, field, `"${email.slice(0, 80)}" is not a valid email address`);
	return email;
}

/** A full http(s) address, e.g. a product page or a redirect after reviewing. */
export function requireHttpUrl(
	ctx: NodeContext,
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
		fieldError(
			ctx,
			itemIndex,
			field,
			`"${url.slice(0, 80)}" is not a web address`,
			`Use a full address starting with https://. Check the "${field}" parameter of item ${itemIndex + 1}.`,
		);
	}
	return url;
}

/** A language-country code; empty text is returned as '' (the caller decides if it is required). */
export function readLocale(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const locale = readText(ctx, itemIndex, field, value);
	if (locale !== '' && !LOCALE.test(locale)) {
		fieldError(
			ctx,
			itemIndex,
			field,
			`"${locale.slice(0, 20)}" is not a locale`,
			'Use a language-country code such as en-US or da-DK.',
		);
	}
	return locale;
}

export function requireLocale(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	return readLocale(ctx, itemIndex, field, requireText(ctx, itemIndex, field, value));
}

/**
 * A switch (boolean parameter). An expression or an imported workflow is not held to the editor's
 * toggle: text "false" is truthy in JavaScript, so without this rule it would turn Return All or
 * Simplify on. Accepts a boolean, "true"/"false" (any case, trimmed) and 1/0, as n8n's own type
 * conversion does; empty gives `fallback`; anything else is an error naming the field.
 */
export function readBoolean(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
	fallback: boolean,
): boolean {
	if (value === undefined || value === null) return fallback;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === '') return fallback;
		if (text === 'true' || text === '1') return true;
		if (text === 'false' || text === '0') return false;
	}
	return fieldError(ctx, itemIndex, field, `must be true or false, but is ${shownValue(value)}`);
}

/**
 * A choice of an options parameter. An expression is not held to the editor's list, and a value
 * outside it must not fall through to some other branch (e.g. "products" sending a service and a
 * product invitation). Trimmed and matched regardless of case; empty gives `fallback` (without
 * one, empty is an error: a write such as a conversation's state is never guessed); anything else
 * is an error naming the field and the choices.
 */
export function readOption<T extends string>(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
	choices: readonly T[],
	fallback?: T,
): T {
	const text =
		fallback === undefined
			? requireText(ctx, itemIndex, field, value)
			: readText(ctx, itemIndex, field, value);
	if (text === '') return fallback as T;
	const choice = choices.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
	if (choice === undefined) {
		fieldError(ctx, itemIndex, field, `"${text.slice(0, 40)}" is not one of ${choices.join(', ')}`);
	}
	return choice;
}

export interface NumberRule {
	min: number;
	max?: number;
	/** Whole numbers only (a Limit, a count). */
	integer?: boolean;
}

/**
 * A numeric setting, checked where it is read: an expression or an imported workflow is not
 * held to the editor's min/max. Accepts a number or numeric text; names the field the user set.
 */
export function readNumber(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
	rule: NumberRule,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value.trim())
				: NaN;
	const range =
		rule.max === undefined ? `at least ${rule.min}` : `between ${rule.min} and ${rule.max}`;
	const wanted = `${rule.integer ? 'a whole number' : 'a number'} ${range}`;
	if (!Number.isFinite(number)) {
		fieldError(ctx, itemIndex, field, `must be ${wanted}, but is ${shownValue(value)}`);
	}
	if (rule.integer && !Number.isInteger(number)) {
		fieldError(ctx, itemIndex, field, `must be ${wanted}, but is ${number}`);
	}
	if (number < rule.min || (rule.max !== undefined && number > rule.max)) {
		fieldError(ctx, itemIndex, field, `must be ${wanted}, but is ${number}`);
	}
	return number;
}

// ISO 8601 as n8n's date picker and expressions write it: a date, optionally a time, optionally
// a zone (`Z` or an offset).
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_HINT = 'Use ISO 8601, e.g. 2024-05-01T09:30:00Z; a date without a zone is read as UTC.';

/**
 * The package's one date parser. A date or date-time without a zone means UTC (n8n's date picker
 * gives wall-clock text without an offset, and every date field is documented as UTC), never the
 * server's local time. Impossible calendar dates (2024-02-30, 2023-02-29, 2024-06-31) and bare
 * numbers are errors, not rolled over by JavaScript. A Date or a Luxon DateTime (e.g. `$now`) is
 * taken as the moment it stands for.
 */
export function parseUtcDate(
	ctx: NodeContext,
	itemIndex: number,
	field: string,
	value: unknown,
): Date {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime()))
			fieldError(ctx, itemIndex, field, 'is not a valid date', DATE_HINT);
		return value;
	}
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		return parseUtcDate(ctx, itemIndex, field, String((value as { toISO: () => unknown }).toISO()));
	}
	const raw = requireText(ctx, itemIndex, field, value);
	const shown = `"${raw.slice(0, 40)}"`;
	const match = ISO_DATE_TIME.exec(raw);
	if (!match) return fieldError(ctx, itemIndex, field, `${shown} is not a date`, DATE_HINT);
	const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
		fieldError(ctx, itemIndex, field, `${shown} is not a calendar date`, DATE_HINT);
	}
	if (hour > 23 || minute > 59 || second > 59) {
		fieldError(ctx, itemIndex, field, `${shown} is not a valid time of day`, DATE_HINT);
	}
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const zoneHours = Number(digits.slice(0, 2));
		const zoneMinutes = Number(digits.slice(2) || '0');
		if (zoneHours > 23 || zoneMinutes > 59) {
			fieldError(ctx, itemIndex, field, `${shown} has an invalid time zone offset`, DATE_HINT);
		}
		offsetMinutes = sign * (zoneHours * 60 + zoneMinutes);
	}
	const ms = Number(`0.${fraction || '0'}`) * 1000;
	const utc =
		Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(ms)) - offsetMinutes * 60000;
	return new Date(utc);
}

/**
 * Epoch ms of a timestamp in an answer (a review's `createdAt`): the same rule as `parseUtcDate`,
 * a date-time without a zone is UTC, and otherwise as lenient as `Date.parse` (an answer is read,
 * not validated); undefined when it is no time at all.
 */
export function utcTimestampMs(text: string): number | undefined {
	const trimmed = text.trim();
	const match = ISO_DATE_TIME.exec(trimmed);
	const zoneless = match !== null && match[4] !== undefined && match[8] === undefined;
	const ms = Date.parse(zoneless ? `${trimmed.replace(' ', 'T')}Z` : trimmed);
	return Number.isFinite(ms) ? ms : undefined;
}

/** Trustpilot's date-time query format: `2013-09-07T13:37:00` (UTC). */
export function toTrustpilotDateTime(date: Date): string {
	return date.toISOString().slice(0, 19);
}
