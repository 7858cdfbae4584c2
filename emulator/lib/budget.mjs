// Call budget per API key: Trustpilot's documented limits (833 calls per 5 minutes and 10,000 per
// hour, developers.trustpilot.com "Rate limiting") as sliding windows, enforced together when the
// config has `budget`. Window sizes are configurable so tests can run a scaled-down clock.
import { ApiError, badRequest, quotaViolation } from './errors.mjs';

/** Trustpilot's documented limits, for `--budget documented` and `{budget: "documented"}`. */
export const DOCUMENTED_BUDGET = {
	windows: [
		{ max: 833, windowSeconds: 300 },
		{ max: 10000, windowSeconds: 3600 },
	],
	retryAfter: 'none',
};

const RETRY_AFTER = new Set(['none', 'seconds', 'date']);

/** Normalises `{windows:[{max, windowSeconds}], retryAfter?}` (or "documented"); throws 400 on bad input. */
export function parseBudget(value) {
	if (value === null || value === undefined) return null;
	if (value === 'documented') return structuredClone(DOCUMENTED_BUDGET);
	if (typeof value !== 'object' || !Array.isArray(value.windows) || value.windows.length === 0) {
		throw badRequest(
			'budget',
			'must be {windows:[{max, windowSeconds}], retryAfter?}, "documented" or null',
		);
	}
	const windows = value.windows.map((window, index) => {
		if (!Number.isInteger(window?.max) || window.max < 0)
			throw badRequest(`budget.windows[${index}].max`, 'must be a non-negative integer');
		if (!(Number.isFinite(window.windowSeconds) && window.windowSeconds > 0)) {
			throw badRequest(`budget.windows[${index}].windowSeconds`, 'must be a positive number');
		}
		return { max: window.max, windowSeconds: window.windowSeconds };
	});
	const retryAfter = value.retryAfter ?? 'none';
	if (!RETRY_AFTER.has(retryAfter))
		throw badRequest('budget.retryAfter', 'must be none, seconds or date');
	return { windows, retryAfter };
}

/** CLI form: "833/300,10000/3600" (calls/seconds per window) or "documented". */
export function parseBudgetFlag(text, retryAfter = 'none') {
	if (text === 'documented') return { ...structuredClone(DOCUMENTED_BUDGET), retryAfter };
	const windows = String(text)
		.split(',')
		.map((part) => {
			const [max, windowSeconds] = part.split('/').map(Number);
			return { max, windowSeconds };
		});
	return parseBudget({ windows, retryAfter });
}

function stateOf(state) {
	state.budgetHits ??= new Map();
	state.budgetStats ??= { accepted: 0, rejected: 0 };
	return state.budgetHits;
}

/** Index of the first hit at or after `from` (hits are sorted). */
function firstFrom(hits, start, from) {
	let low = start;
	let high = hits.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (hits[middle] < from) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Counts one call of `apiKey` against every window; a call that does not fit in all of them is
 * rejected with a 429 (and not counted, so a client that waits gets through again).
 */
export function enforceBudget(state, apiKey) {
	const budget = state.config.budget;
	if (!budget) return;
	const all = stateOf(state);
	const now = Date.now();
	let entry = all.get(apiKey);
	if (!entry) {
		entry = { hits: [], head: 0 };
		all.set(apiKey, entry);
	}
	const longestMs = Math.max(...budget.windows.map((window) => window.windowSeconds * 1000));
	// A hit exactly one window old has left it (same rule as ratelimit.mjs).
	entry.head = firstFrom(entry.hits, entry.head, now - longestMs + 1);
	if (entry.head > 8192 && entry.head * 2 > entry.hits.length) {
		entry.hits = entry.hits.slice(entry.head);
		entry.head = 0;
	}
	let freesAt = 0;
	for (const window of budget.windows) {
		const windowMs = window.windowSeconds * 1000;
		const inside = entry.hits.length - firstFrom(entry.hits, entry.head, now - windowMs + 1);
		if (inside >= window.max) {
			const oldestThatMustLeave = entry.hits[entry.hits.length - Math.max(window.max, 1)] ?? now;
			freesAt = Math.max(freesAt, oldestThatMustLeave + windowMs);
		}
	}
	if (freesAt > 0) {
		state.budgetStats.rejected += 1;
		const error = quotaViolation();
		const headers = { ...error.headers };
		if (budget.retryAfter === 'seconds')
			headers['retry-after'] = String(Math.max(1, Math.ceil((freesAt - now) / 1000)));
		if (budget.retryAfter === 'date')
			headers['retry-after'] = new Date(Math.ceil(freesAt / 1000) * 1000).toUTCString();
		throw new ApiError(error.status, error.body, headers);
	}
	state.budgetStats.accepted += 1;
	entry.hits.push(now);
}

/** For GET /__emulator/counters: calls accepted and rejected by the budget since the last reset. */
export function budgetCounters(state) {
	stateOf(state);
	return { ...state.budgetStats };
}
