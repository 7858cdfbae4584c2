import type { IDataObject } from 'n8n-workflow';

/** What a retry decision needs to know about a failed request. */
export interface RetryableFailure {
	status?: number;
	headers: IDataObject;
	/** Network error code such as ECONNRESET, ECONNREFUSED, ETIMEDOUT. */
	code?: string;
}

type FailedResponse = RetryableFailure;

/**
 * Bounded exponential backoff with jitter, the same for API calls (transport) and token requests
 * (credential); Trustpilot documents 429 as its only rate signal.
 */
export const RETRY_POLICY = {
	maxRetries: 4,
	baseDelayMs: 1000,
	maxDelayMs: 30000,
	// A Retry-After longer than this is not waited for: the error is surfaced instead.
	maxRetryAfterMs: 60000,
};

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
]);
// Codes that prove the request never reached a server that could act on it.
const NEVER_SENT_NETWORK = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * Whether a failed request may be sent again. A non-idempotent POST (invitation, reply,
 * comment) is resent only when Trustpilot cannot have processed it: 429, or no connection.
 * After a 5xx, a reset or a timeout it might have been processed, so it is never resent.
 */
export function isRetryable(failure: FailedResponse, idempotent: boolean): boolean {
	if (failure.status === 429) return true;
	if (failure.status === undefined) {
		if (!failure.code) return false;
		return idempotent ? RETRYABLE_NETWORK.has(failure.code) : NEVER_SENT_NETWORK.has(failure.code);
	}
	return idempotent && RETRYABLE_STATUS.has(failure.status);
}

/** Whether a failed non-idempotent request may nevertheless have been processed. */
export function outcomeUncertain(failure: FailedResponse): boolean {
	if (failure.status === undefined) return !failure.code || !NEVER_SENT_NETWORK.has(failure.code);
	return failure.status >= 500;
}

/** What a Retry-After header asks for (seconds or an HTTP date), in ms from `now`. */
export function retryAfterMs(headers: FailedResponse['headers'], now: number): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Delay before retry number `attempt` (0-based), or undefined when Retry-After asks too much. */
export function retryDelayMs(
	failure: FailedResponse,
	attempt: number,
	random: () => number = Math.random,
	now: number = Date.now(),
): number | undefined {
	const asked = retryAfterMs(failure.headers, now);
	if (asked !== undefined) return asked <= RETRY_POLICY.maxRetryAfterMs ? asked : undefined;
	const ceiling = Math.min(RETRY_POLICY.maxDelayMs, RETRY_POLICY.baseDelayMs * 2 ** attempt);
	// "Equal jitter": at least half the ceiling, so a storm of clients still spreads out.
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
