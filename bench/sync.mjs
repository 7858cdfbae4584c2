// Full sync of N reviews through the engine (Return All, and the Review Poll Trigger), side by
// side with a bare HTTP loop fetching the same pages from the same emulator; then the cost of a
// poll that finds nothing new.
import { loadBuilt } from './build.mjs';
import { routeCount } from './emulator.mjs';

export const PAGE = 100;
export const LIST_ROUTE = /private\/business-units\/\{businessUnitId\}\/reviews$/;

async function accessToken(emulator, info) {
	const response = await fetch(
		`${emulator.handle.apiUrl}/oauth/oauth-business-users-for-applications/accesstoken`,
		{
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from(`${info.account.apiKey}:${info.account.apiSecret}`).toString('base64')}`,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: 'grant_type=client_credentials',
		},
	);
	return (await response.json()).access_token;
}

/** The baseline: fetch every page of the private list with plain `fetch` and JSON.parse, nothing else. */
async function bareLoop(emulator, info, token, unitId, orderBy) {
	const began = performance.now();
	const headers = { apikey: info.account.apiKey, authorization: `Bearer ${token}` };
	const reviews = [];
	let pages = 0;
	for (let page = 1; ; page++) {
		const query = new URLSearchParams({ perPage: String(PAGE), page: String(page), orderBy });
		const response = await fetch(
			`${emulator.handle.apiUrl}/private/business-units/${unitId}/reviews?${query}`,
			{ headers },
		);
		const body = await response.json();
		pages++;
		reviews.push(...body.reviews);
		if (body.reviews.length < PAGE) break;
	}
	return { ms: performance.now() - began, pages, reviews: reviews.length };
}

export function credentialFor(engine, emulator, info, mode = 'clientCredentials', extra = {}) {
	const store = new engine.CredentialStore();
	const ref = store.add({
		id: `bench-${mode}`,
		name: 'Trustpilot (bench)',
		type: 'trustpilotApi',
		data: {
			// These rows set the engine against a bare loop, both unpaced; pacing.mjs measures pacing.
			rateLimits: 'off',
			...extra,
			environment: 'custom',
			apiBaseUrl: emulator.handle.apiUrl,
			invitationsBaseUrl: emulator.handle.invitationsUrl,
			apiKey: info.account.apiKey,
			apiSecret: info.account.apiSecret,
			authentication: mode,
			businessUserId: info.account.businessUser.id,
		},
	});
	return { store, credentials: { trustpilotApi: ref } };
}

async function measure(emulator, action) {
	const before = await emulator.counters();
	const began = performance.now();
	const result = await action();
	const ms = performance.now() - began;
	const after = await emulator.counters();
	return {
		...result,
		ms,
		listRequests: routeCount(after, LIST_ROUTE) - routeCount(before, LIST_ROUTE),
		tokenRequests: after.tokenRequests.total - before.tokenRequests.total,
	};
}

/** One Get Many run (Return All, private source, raw items) over a business unit's reviews. */
export async function returnAllReviews(engine, credential, unitId) {
	return await engine.runNode(
		{
			type: 'trustpilot',
			parameters: {
				resource: 'serviceReview',
				operation: 'getAll',
				businessUnit: { __rl: true, mode: 'id', value: unitId },
				source: 'private',
				returnAll: true,
				simplify: false,
			},
			credentials: credential.credentials,
		},
		[{}],
		credential.store,
	);
}

async function returnAll(engine, emulator, credential, unitId) {
	const run = await returnAllReviews(engine, credential, unitId);
	if (run.error) throw run.error;
	return { items: run.output.length };
}

/**
 * Polls (as an active workflow would) until a poll emits nothing. The polls that emitted reviews
 * are the sync; the last one is the "nothing new" poll.
 */
async function pollUntilQuiet(emulator, runner, maxPolls = 2000) {
	const first = await emulator.counters();
	let items = 0;
	let syncMs = 0;
	let previous = first;
	for (let polls = 1; polls <= maxPolls; polls++) {
		const pollBegan = performance.now();
		const outcome = await runner.poll();
		const pollMs = performance.now() - pollBegan;
		if (outcome.error) throw outcome.error;
		// Counted outside the timed poll, from the emulator's counters.
		const now = await emulator.counters();
		if (outcome.items.length === 0) {
			return {
				items,
				polls: polls - 1,
				listRequests: routeCount(previous, LIST_ROUTE) - routeCount(first, LIST_ROUTE),
				ms: syncMs,
				quietPollRequests: routeCount(now, LIST_ROUTE) - routeCount(previous, LIST_ROUTE),
				quietPollMs: pollMs,
				tokenRequests: now.tokenRequests.total - first.tokenRequests.total,
			};
		}
		items += outcome.items.length;
		syncMs += pollMs;
		previous = now;
	}
	throw new Error(`still emitting after ${maxPolls} polls`);
}

// The poll runner reads the emulator's request log after every poll; the benchmark counts
// requests from the emulator's counters instead, so that work stays out of the timed polls.
export const NO_REQUEST_LOG = { clearRequests: async () => {}, requests: async () => [] };

export function pollRunner(engine, pollModule, credential, unitIds, options) {
	const fixture = { client: NO_REQUEST_LOG };
	return new pollModule.PollRunner(fixture, credential, {
		reviewType: 'service',
		businessUnits: {
			unit: unitIds.map((id) => ({ businessUnit: { __rl: true, mode: 'id', value: id } })),
		},
		event: 'new',
		start: 'all',
		simplify: false,
		options,
	});
}

/**
 * Where to stamp `count` bulk-added reviews from (1 ms apart) so they already exist, the newest a
 * minute old. Stamped from now instead, 1,000,000 reviews would reach ~17 minutes into the future,
 * and the trigger rightly re-reads a window whose newest reviews are not yet past.
 */
export const pastStart = (count) => Date.now() - count - 60000;

/**
 * Resets the emulator and tops the German business unit up to `reviews` reviews that already
 * exist (see pastStart); returns its total after.
 */
export async function germanUnitWith(emulator, reviews) {
	await emulator.reset({ config: { logBodies: false } });
	let info = await emulator.info();
	const unit = info.businessUnits.find((candidate) => candidate.domain === 'example.de');
	const count = reviews - unit.reviewCount;
	await emulator.addReviews(unit.id, count, pastStart(count));
	info = await emulator.info();
	const total = info.businessUnits.find((candidate) => candidate.id === unit.id).reviewCount;
	return { info, unit, total };
}

export async function benchSync(emulator, { reviews = 100000 } = {}) {
	const engine = await loadBuilt('test/harness/engine.js');
	const pollModule = await loadBuilt('test/TrustpilotReviewPollTrigger/pollRunner.js');

	// A backfill reads reviews that already exist (the poll row re-reads future stamps by design).
	const topped = await germanUnitWith(emulator, reviews);
	const { unit, total } = topped;
	// Re-read after the seeded-units reset below.
	let { info } = topped;
	const token = await accessToken(emulator, info);
	const minimum = Math.ceil(total / PAGE);

	// Return All vs the bare loop, newest first; alternated twice, best of each kept.
	await bareLoop(emulator, info, token, unit.id, 'createdat.desc'); // warms the emulator's list cache
	const credential = credentialFor(engine, emulator, info);
	const bareDesc = [];
	const engineRuns = [];
	for (let round = 0; round < 2; round++) {
		bareDesc.push(await bareLoop(emulator, info, token, unit.id, 'createdat.desc'));
		engineRuns.push(
			await measure(emulator, () => returnAll(engine, emulator, credential, unit.id)),
		);
	}
	const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
	const returnAllResult = {
		...best(engineRuns),
		tokenRequests: engineRuns[0].tokenRequests,
		bare: best(bareDesc),
	};

	// The poll trigger backfills the same unit in bounded polls, oldest first.
	await bareLoop(emulator, info, token, unit.id, 'createdat.asc');
	const bareAsc = await bareLoop(emulator, info, token, unit.id, 'createdat.asc');
	const pollCredential = credentialFor(engine, emulator, info);
	const backfill = pollRunner(engine, pollModule, pollCredential, [unit.id], {
		maxItemsPerPoll: 10000,
		lateWindowMinutes: 0,
	});
	const pollResult = await pollUntilQuiet(emulator, backfill);

	// Reviews spread like real ones (the seeded units, years apart): a full sync of three units
	// in one poll (default window), then a poll with nothing new.
	await emulator.reset({ config: { logBodies: false } });
	info = await emulator.info();
	const seeded = info.businessUnits.filter((candidate) =>
		['example.com', 'shop.example.org', 'example.de'].includes(candidate.domain),
	);
	const seededTotal = seeded.reduce((sum, candidate) => sum + candidate.reviewCount, 0);
	const realistic = pollRunner(
		engine,
		pollModule,
		credentialFor(engine, emulator, info),
		seeded.map((candidate) => candidate.id),
		{
			maxItemsPerPoll: 10000,
		},
	);
	const seededSync = await pollUntilQuiet(emulator, realistic);

	return {
		reviews: total,
		minimumRequests: minimum,
		returnAll: returnAllResult,
		pollTrigger: { ...pollResult, bare: bareAsc },
		seeded: {
			units: seeded.length,
			reviews: seededTotal,
			minimumRequests: seeded.reduce(
				(sum, candidate) => sum + Math.ceil(candidate.reviewCount / PAGE),
				0,
			),
			sync: seededSync,
		},
	};
}

/**
 * Bulk-adds reviews 1 ms apart. A backfill is of reviews that exist, so with `settle` they end a
 * minute ago (pastStart); without, they are stamped from "now" and a fast bulk add runs ahead of
 * the clock (100,000 reviews reach about 100 s into the future: the trigger sees clock skew).
 */
async function addBackfillReviews(emulator, unitId, count, settle) {
	if (settle) {
		await emulator.addReviews(unitId, count, pastStart(count));
		return { aheadMs: 0 };
	}
	const began = Date.now();
	await emulator.addReviews(unitId, count);
	return { aheadMs: Math.max(0, began + count - Date.now()) };
}

/**
 * The poll-trigger backfill alone: N reviews bulk-added to one unit (1 ms apart), polled in
 * bounded polls (Max Items 10,000, no late window) until quiet, under the given emulator
 * variants. Page requests of the main list and of the reported-reviews list are told apart from
 * the emulator's request log.
 */
export async function benchBackfill(
	emulator,
	{ reviews = 100000, variants = [], settle = true } = {},
) {
	const engine = await loadBuilt('test/harness/engine.js');
	const pollModule = await loadBuilt('test/TrustpilotReviewPollTrigger/pollRunner.js');
	await emulator.reset({ config: { logBodies: false, variants } });
	let info = await emulator.info();
	const unit = info.businessUnits.find((candidate) => candidate.domain === 'example.de');
	const added = await addBackfillReviews(emulator, unit.id, reviews - unit.reviewCount, settle);
	info = await emulator.info();
	const total = info.businessUnits.find((candidate) => candidate.id === unit.id).reviewCount;
	await emulator.clearRequests();
	const backfill = pollRunner(
		engine,
		pollModule,
		credentialFor(engine, emulator, info),
		[unit.id],
		{
			maxItemsPerPoll: 10000,
			lateWindowMinutes: 0,
		},
	);
	const result = await pollUntilQuiet(emulator, backfill);
	const log = await emulator.admin(
		'GET',
		`/requests?pathPrefix=/v1/private/business-units/${unit.id}/reviews`,
	);
	const entries = Array.isArray(log) ? log : (log.requests ?? log.entries ?? []);
	const reported = entries.filter((entry) => String(entry.query?.reported) === 'true').length;
	return {
		variants,
		stampedAhead: added.aheadMs,
		reviews: total,
		emitted: result.items,
		minimumRequests: Math.ceil(total / PAGE),
		polls: result.polls,
		listRequests: result.listRequests,
		quietPollRequests: result.quietPollRequests,
		loggedRequests: entries.length,
		reportedRequests: reported,
	};
}

// `node bench/sync.mjs [reviews]`: only the backfill row, under the default and `start-exclusive`.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { buildHarness } = await import('./build.mjs');
	const { startBenchEmulator } = await import('./emulator.mjs');
	buildHarness();
	const emulator = await startBenchEmulator();
	try {
		const reviews = Number(process.argv[2] ?? 100000);
		const settle = process.argv[3] !== 'ahead';
		for (const variants of [[], ['start-exclusive']])
			console.log(JSON.stringify(await benchBackfill(emulator, { reviews, variants, settle })));
	} finally {
		await emulator.stop();
	}
}
