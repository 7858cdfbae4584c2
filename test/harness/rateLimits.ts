// The credential's "Custom" rate-limit settings, shared by the pacer's unit tests and the pacing
// fault suites: calls per short and long window (seconds) and the longest wait allowed.
export const customRateLimits = (
	short: [number, number],
	long: [number, number],
	maxWaitMinutes = 60,
) => ({
	rateLimits: 'custom',
	shortWindowCalls: short[0],
	shortWindowSeconds: short[1],
	longWindowCalls: long[0],
	longWindowSeconds: long[1],
	maxRateLimitWaitMinutes: maxWaitMinutes,
});
