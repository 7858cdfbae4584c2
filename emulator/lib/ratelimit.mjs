// Sliding-window limiter. Windows live in the instance state so a reset clears them.

/**
 * Records one hit for `key` and reports whether it exceeds `limit` ({max, windowSeconds}).
 * Rejected hits are not recorded, so a client that waits out the window gets through again.
 */
export function hitRateLimit(state, key, limit) {
	if (!limit) return false;
	const now = Date.now();
	const windowMs = limit.windowSeconds * 1000;
	let hits = state.rateWindows.get(key);
	if (!hits) {
		hits = [];
		state.rateWindows.set(key, hits);
	}
	while (hits.length && hits[0] <= now - windowMs) hits.shift();
	if (hits.length >= limit.max) return true;
	hits.push(now);
	return false;
}
