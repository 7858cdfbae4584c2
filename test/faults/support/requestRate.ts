import type { LoggedRequest } from '../../harness/emulatorClient';

/** Trustpilot's documented quota: 833 calls per 5 minutes (and 10,000 per hour). */
export const QUOTA = { calls: 833, windowMs: 5 * 60 * 1000 };
export const QUOTA_PER_SECOND = QUOTA.calls / (QUOTA.windowMs / 1000);

export const timesOf = (requests: LoggedRequest[]): number[] =>
	requests.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);

/** The most requests that fall into any window of `windowMs` (a sliding window, as quotas count). */
export function maxInWindow(times: number[], windowMs: number): number {
	let best = 0;
	let start = 0;
	for (let end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/** Gaps between consecutive requests, in ms. */
export function gapsOf(times: number[]): number[] {
	return times.slice(1).map((time, index) => time - times[index]);
}
