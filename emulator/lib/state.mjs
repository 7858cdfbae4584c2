// One emulator instance's mutable world. Nothing here is module-level: every call to createState
// returns fresh containers, so two emulators (or a reset) never share data.
import { createRng } from './random.mjs';
import { createClock } from './time.mjs';
import { seedState } from './seed/seed.mjs';
import { generateLazyReviews } from './seed/lazy.mjs';
import { parseBudget } from './budget.mjs';

export const DEFAULT_SEED = {
	apiKey: 'demo-api-key',
	apiSecret: 'demo-api-secret',
	username: 'demo@example.com',
	password: 'demo-password',
	domain: 'example.com',
	bglEncryptKey: 'BuQMqS3+tsq1uPPNBOYULG4ZgLac9n3mA6tBCKcAM74=',
	bglAuthKey: 'aB1qdtNlfGPo90H4uYdmTUFSweKECFLPCiLo23jxG14=',
};

export const DEFAULT_CONFIG = {
	accessTokenTtlSeconds: 359999,
	refreshTokenTtlSeconds: 7776000,
	authorizationCodeTtlSeconds: 300,
	tokenRateLimit: { max: 5, windowSeconds: 60 },
	rateLimit: null,
	budget: null, // call budget per API key (budget.mjs)
	logBodies: true,
	requireApiKeyOnPrivate: true,
	/** Named variants (see variants.mjs); none by default. */
	variants: [],
};

/** Merges a partial config; nested limit objects merge key by key, `null` switches a limit off. */
export function mergeConfig(base, partial = {}) {
	const next = { ...base };
	for (const [key, value] of Object.entries(partial ?? {})) {
		if (!(key in DEFAULT_CONFIG)) continue;
		if (
			(key === 'tokenRateLimit' || key === 'rateLimit') &&
			value !== null &&
			typeof value === 'object'
		) {
			next[key] = { max: 5, windowSeconds: 60, ...(base[key] ?? {}), ...value };
		} else if (key === 'budget') {
			next[key] = parseBudget(value);
		} else {
			next[key] = value;
		}
	}
	return next;
}

export function createState({ seed = {}, config = {} } = {}) {
	const state = {
		config: mergeConfig(DEFAULT_CONFIG, config),
		seedOptions: {
			...DEFAULT_SEED,
			...Object.fromEntries(Object.entries(seed ?? {}).filter(([, v]) => v)),
		},
		rng: createRng('trustpilot-emulator-runtime'),
		clock: createClock(),
		orderCounter: 0,
		applications: new Map(),
		accounts: new Map(),
		users: new Map(),
		usersByEmail: new Map(),
		businessUnits: new Map(),
		businessUnitList: [],
		businessUnitsByName: new Map(),
		reviews: new Map(),
		consumers: new Map(),
		consumersByEmail: new Map(),
		productReviews: new Map(),
		conversations: new Map(),
		categories: [],
		tokens: { access: new Map(), refresh: new Map(), codes: new Map() },
		rateWindows: new Map(),
		records: {
			emailInvitations: [],
			invitationLinks: [],
			productInvitationLinks: [],
			invitationDataDeletions: [],
			findReviewerRequests: [],
			bglSubmissions: [],
		},
		main: null,
		bgl: null,
	};
	seedState(state);
	return state;
}

/** Reviews of a business unit in createdAt-ascending order (generated on first use for bulk BUs). */
export function reviewsOf(state, bu) {
	if (bu.reviews === null) generateLazyReviews(state, bu);
	return bu.reviews;
}

/** Any change that can alter list results must bump the version so cached queries are dropped. */
export function touch(bu) {
	bu.version += 1;
}

export function registerReview(state, bu, review) {
	reviewsOf(state, bu).push(review);
	state.reviews.set(review.id, review);
	state.consumers.get(review.consumerId).reviewIds.push(review.id);
	touch(bu);
}

export function removeReview(state, review) {
	const bu = state.businessUnits.get(review.businessUnitId);
	const list = reviewsOf(state, bu);
	const index = list.indexOf(review);
	if (index >= 0) list.splice(index, 1);
	state.reviews.delete(review.id);
	const consumer = state.consumers.get(review.consumerId);
	if (consumer) consumer.reviewIds = consumer.reviewIds.filter((id) => id !== review.id);
	touch(bu);
}

export function registerProductReview(state, bu, productReview) {
	bu.productReviews.push(productReview);
	state.productReviews.set(productReview.id, productReview);
	bu.productVersion += 1;
}

export function accountOfApiKey(state, apiKey) {
	const application = state.applications.get(apiKey);
	return application ? state.accounts.get(application.accountId) : null;
}
