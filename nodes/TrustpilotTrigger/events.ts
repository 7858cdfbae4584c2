import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { isJsonObject, parseJsonText } from '../shared/json';

export const ALL_EVENTS = '*';

export interface TrustpilotEvent {
	eventName: string;
	version: string | null;
	eventData: IDataObject;
}

export type ParsedBody = { ok: true; events: TrustpilotEvent[] } | { ok: false; message: string };

const BODY_SHAPE =
	'Expected a JSON object like {"events":[{"eventName":"service-review-created","version":"1","eventData":{…}}]}';

type RequestWithRawBody = { rawBody?: unknown; readRawBody?: () => Promise<void> };

function rawBodyText(request: RequestWithRawBody): string | undefined {
	const raw = request.rawBody;
	if (raw instanceof Uint8Array) return Buffer.from(raw).toString('utf8');
	return typeof raw === 'string' ? raw : undefined;
}

/**
 * n8n parses JSON bodies itself; a body sent with another content type arrives as text, only as
 * the raw bytes, or — from node version 2 on, where n8n reads only the content types it parses —
 * still unread, so read it here (n8n's `readRawBody`) and parse that too rather than reject a
 * sender with a sloppy header.
 */
async function bodyOf(
	ctx: IWebhookFunctions,
): Promise<{ ok: true; body: unknown } | { ok: false }> {
	let body: unknown = ctx.getBodyData();
	const nothingParsed =
		body === undefined || body === null || (isJsonObject(body) && Object.keys(body).length === 0);
	if (nothingParsed) {
		const request = ctx.getRequestObject() as unknown as RequestWithRawBody;
		if (request.rawBody === undefined && typeof request.readRawBody === 'function')
			await request.readRawBody();
		const text = rawBodyText(request);
		if (text !== undefined && text.trim() !== '') body = text;
	}
	if (typeof body !== 'string') return { ok: true, body };
	const json = parseJsonText(body);
	return json.ok ? { ok: true, body: json.value } : { ok: false };
}

export async function parseEvents(ctx: IWebhookFunctions): Promise<ParsedBody> {
	const parsed = await bodyOf(ctx);
	if (!parsed.ok) return { ok: false, message: `The body is not valid JSON. ${BODY_SHAPE}` };
	const { body } = parsed;
	if (!isJsonObject(body) || !Array.isArray(body.events)) {
		return { ok: false, message: `The body has no "events" array. ${BODY_SHAPE}` };
	}
	const events: TrustpilotEvent[] = [];
	for (const [index, entry] of (body.events as unknown[]).entries()) {
		if (!isJsonObject(entry) || typeof entry.eventName !== 'string' || entry.eventName === '') {
			return { ok: false, message: `events[${index}] has no "eventName". ${BODY_SHAPE}` };
		}
		events.push({
			eventName: entry.eventName,
			version: entry.version === undefined || entry.version === null ? null : String(entry.version),
			eventData: isJsonObject(entry.eventData) ? entry.eventData : {},
		});
	}
	return { ok: true, events };
}

export function selectEvents(events: TrustpilotEvent[], wanted: string[]): TrustpilotEvent[] {
	if (wanted.includes(ALL_EVENTS)) return events;
	return events.filter((event) => wanted.includes(event.eventName));
}

/** `service-review-created` → subject "service", action "created"; anything else stays readable. */
export function describeEvent(eventName: string): { reviewType: string; eventType: string } {
	const match = /^(service|product)-review-(.+)$/.exec(eventName);
	return match
		? { reviewType: match[1], eventType: match[2] }
		: { reviewType: 'unknown', eventType: eventName };
}
