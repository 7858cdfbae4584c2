import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { trustpilotErrorText } from '../../shared/trustpilotError';

export { trustpilotErrorText };

/** What we could learn from a failed request, whatever layer it failed in. */
export interface FailedResponse {
	status?: number;
	headers: IDataObject;
	body: unknown;
	/** Network error code such as ECONNRESET, ECONNREFUSED, ETIMEDOUT. */
	code?: string;
	/** Message of an error raised before any response (e.g. the token request). */
	message: string;
}

interface ErrorWithResponse {
	message?: string;
	code?: string;
	cause?: unknown;
	httpCode?: string | null;
	response?: { status?: number; headers?: IDataObject; data?: unknown; body?: unknown };
}

/**
 * n8n 1.x's request helper drops a network error's own `code` and NodeApiError keeps it only as
 * `httpCode` ("ECONNRESET" where an HTTP status would be), so that is where it is read from then.
 */
function networkCodeIn(httpCode: string | null | undefined): string | undefined {
	return httpCode && /^E[A-Z_]+$/.test(httpCode) ? httpCode : undefined;
}

/** n8n wraps request errors in NodeApiError; the HTTP details live on its `cause`. */
export function inspectFailure(error: unknown): FailedResponse {
	const outer = (error ?? {}) as ErrorWithResponse;
	const inner = (outer.cause ?? outer) as ErrorWithResponse;
	const response = inner.response ?? outer.response;
	const status = response?.status ?? (outer.httpCode ? Number(outer.httpCode) : undefined);
	return {
		status: Number.isFinite(status) ? status : undefined,
		headers: (response?.headers as IDataObject) ?? {},
		body: response?.data ?? response?.body,
		code: inner.code ?? outer.code ?? networkCodeIn(outer.httpCode),
		message: inner.message ?? outer.message ?? 'Unknown error',
	};
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Trustpilot rejected the request as invalid',
	401: 'Trustpilot rejected the credentials (API key or access token)',
	403: 'Trustpilot refused access',
	404: 'Not found: the id does not exist, or the request went to the wrong host',
	409: 'Trustpilot reported a conflict',
	415: 'Trustpilot rejected the content type (JSON is required)',
	429: 'Trustpilot rate limit reached (HTTP 429)',
};

function hintFor(status: number | undefined, text: string | undefined): string {
	if (status === 403 && /business.?user/i.test(`${text ?? ''}`)) {
		return 'Trustpilot refused the business user: the Business User ID must be the id of a user (not a business unit) with the Admin or Manager role';
	}
	if (status === 403) {
		return 'Trustpilot refused access: check that the business unit belongs to your account, that your plan includes API access, and (Client Credentials) the Business User ID';
	}
	if (status !== undefined && status >= 500) {
		return `Trustpilot had a server error (HTTP ${status}); Trustpilot advises retrying in 5–15 minutes`;
	}
	return (status !== undefined && STATUS_HINTS[status]) || 'The request to Trustpilot failed';
}

export interface ErrorContext {
	node: INode;
	itemIndex: number;
	method: string;
	path: string;
	/** Set when a non-idempotent request may have been processed before it failed. */
	outcomeUncertain?: boolean;
}

/** Builds the error users see: what failed, Trustpilot's own words, and what to do. */
export function toNodeApiError(failure: FailedResponse, context: ErrorContext): NodeApiError {
	const text = trustpilotErrorText(failure.body);
	const where = `${context.method} ${context.path}`;
	let message: string;
	if (failure.status === undefined) {
		message = failure.code
			? `Could not reach Trustpilot (${failure.code})`
			: `Request to Trustpilot failed: ${failure.message}`;
	} else {
		message = hintFor(failure.status, text);
	}
	const details = [
		text ? `Trustpilot said: "${text}"` : undefined,
		`Request: ${where}`,
		context.outcomeUncertain
			? 'The request may already have been processed by Trustpilot. It was not retried automatically, so nothing is sent twice: check the result (e.g. the invitation list or the review) before running it again.'
			: undefined,
	].filter(Boolean);
	const error = new NodeApiError(
		context.node,
		{ message, status: failure.status ?? null, trustpilotMessage: text ?? null } as JsonObject,
		{
			itemIndex: context.itemIndex,
			message: context.outcomeUncertain ? `Outcome unknown: ${message}` : message,
			description: details.join('\n'),
			httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		},
	);
	// n8n replaces messages that mention ECONNRESET/ECONNABORTED with "you can retry immediately",
	// which is wrong advice for a write that may have been processed.
	if (context.outcomeUncertain) error.message = `Outcome unknown: ${message}`;
	return error;
}
