// Everything one emulator owns: state, request log, counters, fault rules and the route table.
import { createState } from './state.mjs';
import { createRequestLog, createMetrics } from './log.mjs';
import { createFaultRegistry } from './faults.mjs';
import { createRouter } from './router.mjs';
import { createRng } from './random.mjs';
import { oauthRoutes } from './oauth.mjs';
import { bglRoutes } from './bgl.mjs';
import { businessUnitRoutes } from '../routes/businessUnits.mjs';
import { privateBusinessUnitRoutes } from '../routes/privateBusinessUnits.mjs';
import { serviceReviewRoutes } from '../routes/serviceReviews.mjs';
import { productReviewRoutes } from '../routes/productReviews.mjs';
import { conversationRoutes } from '../routes/conversations.mjs';
import { productRoutes } from '../routes/products.mjs';
import { invitationRoutes } from '../routes/invitations.mjs';
import { consumerRoutes } from '../routes/consumers.mjs';
import { categoryRoutes } from '../routes/categories.mjs';
import { resourceRoutes } from '../routes/resources.mjs';

export const ALL_ROUTES = [
	...oauthRoutes,
	...bglRoutes,
	...businessUnitRoutes,
	...privateBusinessUnitRoutes,
	...serviceReviewRoutes,
	...productReviewRoutes,
	...conversationRoutes,
	...productRoutes,
	...invitationRoutes,
	...consumerRoutes,
	...categoryRoutes,
	...resourceRoutes,
];

export function createInstance(options = {}) {
	const baseSeed = {
		apiKey: options.apiKey,
		apiSecret: options.apiSecret,
		username: options.username,
		password: options.password,
		domain: options.domain,
		...(options.seed ?? {}),
	};
	const faultRandom = { rng: createRng('trustpilot-emulator-faults') };
	const instance = {
		state: createState({ seed: baseSeed, config: options.config }),
		log: createRequestLog(options.logCapacity),
		metrics: createMetrics(),
		faults: createFaultRegistry(() => faultRandom.rng.next()),
		router: createRouter(ALL_ROUTES),
		verbose: options.verbose === true,
		origins: { api: null, invitations: null },
		baseSeed,
		baseConfig: options.config ?? {},
		/** Back to the seeded world; clears the log, counters, faults and tokens. */
		reset({ seed, config } = {}) {
			instance.state = createState({
				seed: { ...baseSeed, ...(seed ?? {}) },
				config: { ...instance.baseConfig, ...(config ?? {}) },
			});
			instance.log.clear();
			instance.metrics.reset();
			instance.faults.clear();
			faultRandom.rng = createRng('trustpilot-emulator-faults');
		},
	};
	return instance;
}
