import { trustpilotErrorText, inspectFailure } from '../../../nodes/Trustpilot/transport/errors';
import {
	isRetryable,
	outcomeUncertain,
	retryDelayMs,
	RETRY_POLICY,
} from '../../../nodes/Trustpilot/transport/retry';

const failure = (status?: number, code?: string, headers: Record<string, string> = {}) => ({
	status,
	code,
	headers,
	body: undefined,
	message: 'failed',
});

describe('retry policy', () => {
	it('retries idempotent requests on 429, 502, 503, 504 and resets, not on other errors', () => {
		for (const status of [429, 502, 503, 504])
			expect(isRetryable(failure(status), true)).toBe(true);
		for (const status of [400, 401, 403, 404, 415, 500])
			expect(isRetryable(failure(status), true)).toBe(false);
		expect(isRetryable(failure(undefined, 'ECONNRESET'), true)).toBe(true);
		expect(isRetryable(failure(undefined, 'ETIMEDOUT'), true)).toBe(true);
	});

	it('resends a POST only when Trustpilot cannot have processed it', () => {
		expect(isRetryable(failure(429), false)).toBe(true);
		expect(isRetryable(failure(undefined, 'ECONNREFUSED'), false)).toBe(true);
		for (const status of [500, 502, 503, 504])
			expect(isRetryable(failure(status), false)).toBe(false);
		for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED']) {
			expect(isRetryable(failure(undefined, code), false)).toBe(false);
			expect(outcomeUncertain(failure(undefined, code))).toBe(true);
		}
		expect(outcomeUncertain(failure(503))).toBe(true);
		expect(outcomeUncertain(failure(400))).toBe(false);
		expect(outcomeUncertain(failure(undefined, 'ECONNREFUSED'))).toBe(false);
	});

	it('backs off exponentially with jitter, within bounds', () => {
		for (let attempt = 0; attempt < 8; attempt++) {
			const ceiling = Math.min(RETRY_POLICY.maxDelayMs, RETRY_POLICY.baseDelayMs * 2 ** attempt);
			expect(retryDelayMs(failure(429), attempt, () => 0)).toBe(ceiling / 2);
			expect(retryDelayMs(failure(429), attempt, () => 0.999999)).toBeLessThanOrEqual(ceiling);
		}
	});

	it('honours Retry-After in seconds and as a date, and gives up when it asks too much', () => {
		expect(retryDelayMs(failure(429, undefined, { 'retry-after': '3' }), 0)).toBe(3000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		const date = new Date(now + 5000).toUTCString();
		expect(
			retryDelayMs(failure(503, undefined, { 'retry-after': date }), 0, Math.random, now),
		).toBe(5000);
		expect(retryDelayMs(failure(429, undefined, { 'retry-after': '3600' }), 0)).toBeUndefined();
	});
});

describe('Trustpilot error bodies', () => {
	it('reads every shape seen in the wild', () => {
		expect(
			trustpilotErrorText({ fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'x' } } }),
		).toBe('Invalid ApiKey');
		expect(trustpilotErrorText({ errorCode: 400, message: 'perPage: must be at most 100' })).toBe(
			'perPage: must be at most 100',
		);
		expect(trustpilotErrorText({ ErrorCode: 'invalid_grant', Error: 'Bad login' })).toBe(
			'Bad login',
		);
		expect(
			trustpilotErrorText({
				errors: [{ status: 429, title: 'Too many requests' }, { detail: 'slow down' }],
			}),
		).toBe('Too many requests; slow down');
		expect(trustpilotErrorText('{"message":"as text"}')).toBe('as text');
		expect(
			trustpilotErrorText(
				'<html><head><title>ERROR: The request could not be satisfied</title></head></html>',
			),
		).toBe('HTML error page: ERROR: The request could not be satisfied');
		expect(trustpilotErrorText('')).toBeUndefined();
	});

	it('finds status, headers and code on a wrapped request error', () => {
		const cause = Object.assign(new Error('Request failed with status code 429'), {
			response: { status: 429, headers: { 'retry-after': '1' }, data: { message: 'slow' } },
		});
		const wrapped = Object.assign(new Error('wrapped'), { cause });
		expect(inspectFailure(wrapped)).toMatchObject({
			status: 429,
			headers: { 'retry-after': '1' },
			body: { message: 'slow' },
		});
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		expect(inspectFailure(reset)).toMatchObject({ status: undefined, code: 'ECONNRESET' });
	});
});
