// Fault and soak runs send well over Trustpilot's documented 833 calls per 5 minutes with one API
// key in one process, to an emulator that enforces no budget there: their credential declares an
// account with higher limits, so pacing stays on without waiting for windows the server does not
// have. Max Wait 6 s: a 429 storm past the retries is the clear rate-limit error, not a long wait.
export const UNBUDGETED_LIMITS = {
	rateLimits: 'custom',
	shortWindowCalls: 100000,
	shortWindowSeconds: 300,
	longWindowCalls: 1000000,
	longWindowSeconds: 3600,
	maxRateLimitWaitMinutes: 0.1,
};
