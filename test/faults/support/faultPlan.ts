import type { FaultSpec } from '../../harness/emulatorClient';

/** Every kind of trouble the sync is put through (token expiry is driven separately). */
export type FaultKind =
	| '429-storm'
	| '429-storm-backoff'
	| '429-scattered'
	| '500'
	| '502'
	| '503'
	| '503-backoff'
	| 'html-502'
	| 'html-500'
	| 'reset'
	| 'slow'
	| 'truncated-json'
	| '200-without-list';

export interface PlannedFault {
	kind: FaultKind;
	specs: FaultSpec[];
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed by seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Reads of review lists and business-unit lookups: what a poll or a Return All sends. */
export const READS = {
	host: 'api' as const,
	method: 'GET',
	pathRegex: '/reviews$|/business-units/find$',
};
const RETRY_NOW = { 'Retry-After': '0' };

/**
 * Picks the fault for one round, or none. `skip` lets the first requests through, so faults land
 * in the middle of pagination as often as at its start. Most retryable faults say Retry-After: 0
 * to keep the suite fast; the "-backoff" kinds make the transport wait for real (0.5 s and up).
 */
export function planFault(next: () => number): PlannedFault | undefined {
	const skip = Math.floor(next() * 4);
	const roll = next();
	const one = (kind: FaultKind, spec: FaultSpec): PlannedFault => ({ kind, specs: [spec] });
	const times = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
	if (roll < 0.1)
		return one('429-storm', {
			match: READS,
			action: { status: 429, headers: RETRY_NOW },
			times: times(2, 6),
			skip,
		});
	if (roll < 0.13)
		return one('429-storm-backoff', {
			match: READS,
			action: { status: 429 },
			times: times(1, 3),
			skip,
		});
	if (roll < 0.17)
		return one('429-scattered', {
			match: READS,
			action: { status: 429, headers: RETRY_NOW },
			times: 0,
			probability: 0.4,
		});
	if (roll < 0.21)
		return one('500', { match: READS, action: { status: 500 }, skip: Math.min(skip, 1) });
	if (roll < 0.26)
		return one('502', {
			match: READS,
			action: { status: 502, headers: RETRY_NOW },
			times: times(1, 3),
			skip,
		});
	if (roll < 0.31)
		return one('503', {
			match: READS,
			action: { status: 503, headers: RETRY_NOW },
			times: times(1, 3),
			skip,
		});
	if (roll < 0.33) return one('503-backoff', { match: READS, action: { status: 503 }, skip });
	if (roll < 0.38)
		return one('html-502', {
			match: READS,
			action: { html: true, status: 502, headers: RETRY_NOW },
			skip,
		});
	if (roll < 0.4)
		return one('html-500', {
			match: READS,
			action: { html: true, status: 500 },
			skip: Math.min(skip, 1),
		});
	if (roll < 0.43) return one('reset', { match: READS, action: { reset: true }, skip });
	if (roll < 0.5)
		return one('slow', {
			match: READS,
			action: { latencyMs: 100 + Math.floor(next() * 700) },
			times: times(1, 2),
			skip,
		});
	if (roll < 0.53)
		return one('truncated-json', { match: READS, action: { truncateJson: true }, skip });
	// A proxy or gateway answering 200 with an empty object: not the end of the list.
	if (roll < 0.55)
		return one('200-without-list', {
			match: READS,
			action: { status: 200, body: {} },
			skip: 1 + Math.floor(next() * 2),
		});
	return undefined;
}

/** The token endpoint failing once (e.g. while a token expired mid-poll is being renewed). */
export const TOKEN_ENDPOINT_503: FaultSpec = {
	match: { host: 'api', method: 'POST', pathPrefix: '/v1/oauth/' },
	action: { status: 503 },
	times: 1,
};
