import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseJsonText } from './json';

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		const json = parseJsonText(trimmed);
		return json.ok ? json.value : trimmed;
	}
	return trimmed;
}

/**
 * Reads Trustpilot's error text from the shapes seen in the wild: the API gateway's
 * `{fault:{faultstring}}`, `{errorCode, message}`, `{ErrorCode, Error}`, `{errors:[{title}]}`,
 * and HTML pages from the CDN in front of the API. The one reader for the nodes' transport and
 * the credential's token requests, so both quote Trustpilot the same way.
 */
export function trustpilotErrorText(rawBody: unknown): string | undefined {
	const body = parseBody(rawBody);
	if (typeof body === 'string') {
		if (body === '') return undefined;
		if (/<html|<!doctype/i.test(body)) {
			const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
			const heading = /<h[12][^>]*>([^<]*)<\/h[12]>/i.exec(body)?.[1]?.trim();
			return `HTML error page${title || heading ? `: ${title || heading}` : ''}`;
		}
		return body.length > 300 ? `${body.slice(0, 300)}…` : body;
	}
	if (!body || typeof body !== 'object') return undefined;
	const data = body as IDataObject;
	const fault = data.fault as IDataObject | undefined;
	if (fault?.faultstring) return String(fault.faultstring);
	if (Array.isArray(data.errors) && data.errors.length) {
		return (data.errors as IDataObject[])
			.map((entry) => entry.title ?? entry.message ?? entry.detail ?? JSON.stringify(entry))
			.join('; ');
	}
	for (const key of [
		'message',
		'Error',
		'error_description',
		'error',
		'Message',
		'details',
		'ErrorCode',
	]) {
		const value = data[key];
		if (typeof value === 'string' && value !== '') return value;
	}
	return undefined;
}

/**
 * The output item of a failed input item when "On Error" is set to continue: the message (which
 * names the field), its description as `details` (which names the item), the HTTP status of an
 * API error, paired with the input item. The one shape of every node of the package.
 */
export function continueOnFailItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.details = description;
	const httpCode = (error as { httpCode?: unknown }).httpCode;
	if (httpCode) json.httpCode = httpCode as IDataObject[string];
	return { json, pairedItem: { item: itemIndex } };
}
