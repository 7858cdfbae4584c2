// Budget-aware pacing (nodes/Trustpilot/transport/pacing.ts) against the emulator enforcing
// Trustpilot's two windows on a scaled clock: a Return All of 250,000 reviews and a poll-trigger
// backfill of 1,000,000 reviews, paced at the same limits the emulator enforces, then the same
// runs with pacing off. Every figure is a ratio of things measured in this run: the request rate
// achieved against the fastest schedule the windows allow for that many calls, the 429s, and for
// the unpaced runs the request and time of the first 429.
import { loadBuilt } from './build.mjs';
import {
	LIST_ROUTE,
	PAGE,
	credentialFor,
	germanUnitWith,
	pollRunner,
	returnAllReviews,
} from './sync.mjs';

/**
 * Trustpilot's documented windows (833 per 5 min, 10,000 per hour) with time divided by 100 and
 * calls by 10: 83 per 3 s and 1,000 per 36 s, about 28 calls/s. The engine reads a page in 4 ms
 * on an idle machine (≈ 250 pages/s in the sync rows) and in 15-25 ms on a busy 2-core one; the
 * unpaced runs measure it side by side ("engine rate before the first 429"). Below it the budget
 * binds, not the engine, so the rate ratio measures the pacer; the ratios carry over to the real
 * windows, the durations do not. On a machine shared with other jobs the engine can fall to the
 * budget's pace; the "engine > budget" row then says NO, and BENCH_PACING_CALLS_DIVISOR (e.g. 25:
 * 33 per 3 s, 400 per 36 s, 11 calls/s) lowers the rate until it says yes.
 */
export const SCALE = { time: 100, calls: 10 };
const DOCUMENTED = [
	{ calls: 833, seconds: 300 },
	{ calls: 10000, seconds: 3600 },
];
export const windowsFor = (scale) =>
	DOCUMENTED.map((window) => ({
		calls: Math.floor(window.calls / scale.calls),
		seconds: window.seconds / scale.time,
	}));
/** The transport's retries for a 429 without pacing: at most 1 + 2 + 4 + 8 s of backoff (RETRY_POLICY). */
const UNPACED_BACKOFF_MS = [1000, 2000, 4000, 8000].reduce((sum, ms) => sum + ms, 0);

const emulatorBudget = (windows) => ({
	windows: windows.map((window) => ({ max: window.calls, windowSeconds: window.seconds })),
});
const pacedCredential = (windows) => ({
	rateLimits: 'custom',
	shortWindowCalls: windows[0].calls,
	shortWindowSeconds: windows[0].seconds,
	longWindowCalls: windows[1].calls,
	longWindowSeconds: windows[1].seconds,
	maxRateLimitWaitMinutes: 60,
});

/** Send times of the fastest legal schedule for `calls` calls (the emulator's rule: a hit exactly one window old has left). */
export function fastestSchedule(calls, windows) {
	const times = [];
	for (let index = 0; index < calls; index++) {
		let at = index === 0 ? 0 : times[index - 1];
		for (const window of windows) {
			if (index >= window.calls)
				at = Math.max(at, times[index - window.calls] + window.seconds * 1000);
		}
		times.push(at);
	}
	return times;
}

/** The list requests of the last run from the emulator's log (arrival order), read in slices. */
async function listLog(emulator) {
	const entries = [];
	let since = 0;
	for (;;) {
		const { requests } = await emulator.admin('GET', `/requests?since=${since}&method=GET`);
		const slice = requests.filter((entry) => LIST_ROUTE.test(entry.route ?? ''));
		if (requests.length === 0) break;
		entries.push(...slice.map((entry) => ({ at: Date.parse(entry.at), status: entry.status })));
		since = requests[requests.length - 1].seq;
		if (requests.length < 5000) break;
	}
	return entries;
}

/** What a run's log says about its pace and its 429s. */
function paceOf(entries, began, { scale, windows }) {
	const accepted = entries.filter((entry) => entry.status !== 429);
	const rejected = entries.filter((entry) => entry.status === 429);
	const spanMs = accepted.length > 1 ? accepted[accepted.length - 1].at - accepted[0].at : 0;
	const fastest = fastestSchedule(accepted.length, windows);
	const fastestSpanMs = fastest[fastest.length - 1] ?? 0;
	const firstRejected = entries.findIndex((entry) => entry.status === 429);
	const result = {
		requests: entries.length,
		accepted: accepted.length,
		rejected: rejected.length,
		spanMs,
		fastestSpanMs,
		achievedPerSecond: spanMs > 0 ? ((accepted.length - 1) / spanMs) * 1000 : undefined,
		allowedPerSecond:
			fastestSpanMs > 0 ? ((accepted.length - 1) / fastestSpanMs) * 1000 : undefined,
		rateRatio: spanMs > 0 ? fastestSpanMs / spanMs : undefined,
	};
	if (firstRejected >= 0) {
		const before = entries.slice(0, firstRejected);
		const elapsed = entries[firstRejected].at - began;
		// How long the window that refused would have stayed full on Trustpilot's real clock: until
		// the call `calls` places earlier leaves it. The transport's unpaced retries end before that.
		const at = entries[firstRejected].at;
		const freesInMs = Math.max(
			...windows.map((window) => {
				const windowMs = window.seconds * 1000;
				const inside = before.filter((entry) => entry.status !== 429 && entry.at > at - windowMs);
				return inside.length >= window.calls
					? inside[inside.length - window.calls].at + windowMs - at
					: 0;
			}),
		);
		Object.assign(result, {
			firstRejectedRequest: firstRejected + 1,
			firstRejectedAfterMs: elapsed,
			firstRejectedAfterRealMs: elapsed * scale.time,
			engineRateBeforeFirst429:
				before.length > 1
					? ((before.length - 1) / (before[before.length - 1].at - before[0].at)) * 1000
					: undefined,
			windowFreesInRealMs: freesInMs * scale.time,
			failsOnRealClock: freesInMs * scale.time > UNPACED_BACKOFF_MS,
		});
	}
	return result;
}

async function freshUnit(emulator, reviews, budget) {
	const { info, unit, total } = await germanUnitWith(emulator, reviews);
	// The budget applies from here; the log is empty so the run's requests are all it holds.
	await emulator.config({ budget });
	await emulator.clearRequests();
	return { info, unitId: unit.id, total };
}

async function returnAllRun(engine, emulator, reviews, extra, setup) {
	const { info, unitId, total } = await freshUnit(emulator, reviews, emulatorBudget(setup.windows));
	const credential = credentialFor(engine, emulator, info, 'clientCredentials', extra);
	const began = Date.now();
	const run = await returnAllReviews(engine, credential, unitId);
	const ms = Date.now() - began;
	const items = run.output.length;
	const error = run.error ?? run.nodeError?.('Trustpilot');
	return {
		reviews: total,
		items,
		completed: !error && items === total,
		error: error ? String(error.message).slice(0, 200) : undefined,
		ms,
		...paceOf(await listLog(emulator), began, setup),
	};
}

/**
 * Polls until a poll emits nothing (paced), or — unpaced — until the first poll that met a 429
 * has ended (whether it failed or got through after retries): what follows is more of the same.
 */
async function backfillRun(
	engine,
	pollModule,
	emulator,
	reviews,
	extra,
	setup,
	{ stopAtFirst429 },
) {
	const { info, unitId, total } = await freshUnit(emulator, reviews, emulatorBudget(setup.windows));
	const credential = credentialFor(engine, emulator, info, 'clientCredentials', extra);
	const runner = pollRunner(engine, pollModule, credential, [unitId], {
		maxItemsPerPoll: 10000,
		lateWindowMinutes: 0,
	});
	const began = Date.now();
	let items = 0;
	let polls = 0;
	let error;
	for (; polls < 5000; ) {
		const outcome = await runner.poll();
		polls++;
		if (outcome.error) {
			error = String(outcome.error.message).slice(0, 200);
			break;
		}
		if (outcome.items.length === 0) break;
		items += outcome.items.length;
		if (stopAtFirst429) {
			const { rejected } = await emulator.admin('GET', '/budget');
			if (rejected > 0) break;
		}
	}
	const ms = Date.now() - began;
	return {
		reviews: total,
		items,
		polls,
		completed: !error && items === total,
		error,
		ms,
		...paceOf(await listLog(emulator), began, setup),
	};
}

export async function benchPacing(
	emulator,
	{ returnAllReviews = 250000, backfillReviews = 1000000, scale = SCALE } = {},
) {
	const engine = await loadBuilt('test/harness/engine.js');
	const pollModule = await loadBuilt('test/TrustpilotReviewPollTrigger/pollRunner.js');
	const windows = windowsFor(scale);
	const setup = { scale, windows };
	const paced = pacedCredential(windows);
	const off = { rateLimits: 'off' };
	// Unpaced first: the pacer's own record of a paced run would otherwise hold the next run back.
	const returnAllUnpaced = await returnAllRun(engine, emulator, returnAllReviews, off, setup);
	const returnAllPaced = await returnAllRun(engine, emulator, returnAllReviews, paced, setup);
	const backfillUnpaced = await backfillRun(
		engine,
		pollModule,
		emulator,
		backfillReviews,
		off,
		setup,
		{ stopAtFirst429: true },
	);
	const backfillPaced = await backfillRun(
		engine,
		pollModule,
		emulator,
		backfillReviews,
		paced,
		setup,
		{ stopAtFirst429: false },
	);
	await emulator.reset({ config: { logBodies: false } });
	return {
		scale,
		windows,
		allowedPerSecond: Math.min(...windows.map((window) => window.calls / window.seconds)),
		pageSize: PAGE,
		returnAll: { paced: returnAllPaced, unpaced: returnAllUnpaced },
		backfill: {
			paced: backfillPaced,
			unpaced: backfillUnpaced,
			minimumRequests: Math.ceil(backfillPaced.reviews / PAGE),
		},
	};
}
