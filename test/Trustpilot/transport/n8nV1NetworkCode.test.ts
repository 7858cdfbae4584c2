import { inspectFailure } from '../../../nodes/Trustpilot/transport/errors';
import { isRetryable, outcomeUncertain } from '../../../nodes/Trustpilot/transport/retry';

// n8n 1.x: the NodeApiError built from the request helper's error carries no `cause` and no
// `code`; the network code survives only as `httpCode`, where a status would otherwise be.
const n8nV1Error = (message: string, httpCode: string) =>
	Object.assign(new Error(message), { httpCode });

describe('network errors as n8n 1.x reports them', () => {
	it('reads the code from httpCode, so resets and timeouts on reads are retried', () => {
		for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED', 'EAI_AGAIN']) {
			const seen = inspectFailure(n8nV1Error('socket hang up', code));
			expect(seen).toMatchObject({ status: undefined, code });
			expect(isRetryable(seen, true)).toBe(true);
		}
	});

	it('resends a refused POST and labels a reset POST "outcome unknown"', () => {
		const refused = inspectFailure(n8nV1Error('connect ECONNREFUSED', 'ECONNREFUSED'));
		expect(isRetryable(refused, false)).toBe(true);
		expect(outcomeUncertain(refused)).toBe(false);
		const reset = inspectFailure(n8nV1Error('socket hang up', 'ECONNRESET'));
		expect(isRetryable(reset, false)).toBe(false);
		expect(outcomeUncertain(reset)).toBe(true);
	});

	it('keeps a numeric httpCode as the status and ignores text that is not a code', () => {
		expect(inspectFailure(n8nV1Error('Service unavailable', '503'))).toMatchObject({
			status: 503,
			code: undefined,
		});
		expect(inspectFailure(n8nV1Error('odd', 'Bad Gateway'))).toMatchObject({
			status: undefined,
			code: undefined,
		});
	});

	it('prefers the code n8n 2.x keeps on the error itself', () => {
		const v2 = Object.assign(new Error('socket hang up'), {
			code: 'ETIMEDOUT',
			httpCode: 'ECONNRESET',
		});
		expect(inspectFailure(v2).code).toBe('ETIMEDOUT');
	});
});
