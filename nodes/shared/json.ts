import type { IDataObject } from 'n8n-workflow';

/** The outcome of reading text as JSON: the value, or that it is not JSON (never a throw). */
export type JsonText = { ok: true; value: unknown } | { ok: false };

/**
 * The package's one tolerant JSON reader, for bodies and parameters that should be JSON but may
 * not be (a cut-off response, an HTML error page, a typo in a JSON parameter). Each caller decides
 * what "not JSON" means for it: an error, the raw text, or nothing.
 */
export function parseJsonText(text: string): JsonText {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/** Whether a value is a JSON object: not an array, not null. */
export function isJsonObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object (not an array, not null), or undefined for anything else. */
export function parseJsonObject<T extends object = Record<string, unknown>>(
	text: string,
): T | undefined {
	const json = parseJsonText(text);
	return json.ok && isJsonObject(json.value) ? (json.value as T) : undefined;
}
