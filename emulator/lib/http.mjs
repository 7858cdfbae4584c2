// Low-level HTTP helpers shared by the API, invitations and admin surfaces.
import { badRequest, unsupportedMediaType } from './errors.mjs';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const LOGGED_BODY_BYTES = 16 * 1024;

/** Reads the whole request body as a Buffer (bounded, so a runaway client cannot exhaust memory). */
export function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Query string → plain object; repeated keys become arrays. */
export function queryToObject(searchParams) {
	const result = {};
	for (const [key, value] of searchParams) {
		if (!(key in result)) result[key] = value;
		else if (Array.isArray(result[key])) result[key].push(value);
		else result[key] = [result[key], value];
	}
	return result;
}

export function mediaType(headers) {
	const raw = headers['content-type'];
	if (!raw) return '';
	return raw.split(';')[0].trim().toLowerCase();
}

export function isJsonMediaType(type) {
	return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Best-effort parse for the request log: JSON, form, text or null. */
export function describeBody(headers, buffer) {
	if (!buffer || buffer.length === 0) return null;
	// Bounded so 50,000 log entries stay small; longer bodies are cut and therefore kept as text.
	const text =
		buffer.length > LOGGED_BODY_BYTES
			? `${buffer.subarray(0, LOGGED_BODY_BYTES).toString('utf8')}…`
			: buffer.toString('utf8');
	const type = mediaType(headers);
	if (isJsonMediaType(type)) {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	if (type === 'application/x-www-form-urlencoded') {
		return queryToObject(new URLSearchParams(text));
	}
	return text;
}

/** Parses a JSON body for a route that requires one (415 on other types, 400 on bad JSON). */
export function parseJsonBody(headers, buffer, { optional = false } = {}) {
	const empty = !buffer || buffer.length === 0;
	if (empty && optional) return null;
	if (!isJsonMediaType(mediaType(headers))) throw unsupportedMediaType('application/json');
	if (empty) throw badRequest('body', 'a JSON body is required');
	try {
		return JSON.parse(buffer.toString('utf8'));
	} catch {
		throw badRequest('body', 'is not valid JSON');
	}
}

export function sendJson(res, status, body, extraHeaders = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': JSON_CONTENT_TYPE,
		'content-length': Buffer.byteLength(text),
		...extraHeaders,
	});
	res.end(text);
}

export function sendRaw(res, status, contentType, text, extraHeaders = {}) {
	const headers = { ...extraHeaders };
	if (contentType) headers['content-type'] = contentType;
	headers['content-length'] = Buffer.byteLength(text);
	res.writeHead(status, headers);
	res.end(text);
}

export function originOf(req, fallbackOrigin) {
	const host = req.headers.host;
	return host ? `http://${host}` : fallbackOrigin;
}
