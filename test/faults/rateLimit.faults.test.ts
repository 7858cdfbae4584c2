// 429s: the node backs off instead of hammering, and stays inside Trustpilot's documented quota
// (833 calls per 5 minutes), measured from the emulator's request log.
import { sleep } from 'n8n-workflow';

import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { reportMetrics } from './support/report.cjs';
import { listTruth } from './support/listTruth';
import { errorText, runTrustpilot, returnAllReviews } from './support/nodeRuns';
import { gapsOf, maxInWindow, QUOTA, QUOTA_PER_SECOND, timesOf } from './support/requestRate';

const fixture = useEmulator();
const LIST_ROUTE = 'GET /v1/private/business-units/{businessUnitId}/reviews';

const listRequests = async () =>
	(await fixture.client.requests({ method: 'GET' })).filter((entry) => entry.route === LIST_ROUTE);

describe('429 storms and the quota', () => {
	test('a 6-second 429 storm (no Retry-After) mid-list: exponential backoff, then the complete list', async () => {
		const info = await fixture.client.info();
		const main = info.mainBusinessUnit.id;
		const truth = (
			await listTruth(fixture, `/private/business-units/${main}/reviews`, 'reviews', {
				bearer: true,
				query: { orderBy: 'createdat.desc' },
			})
		).map((review) => String(review.id));
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		// Every list request after the 8th answers 429 until the storm is lifted.
		const stormId = await fixture.client.addFault({
			match: { route: LIST_ROUTE },
			action: { status: 429 },
			times: 0,
			skip: 8,
		});
		const stormMs = 6000;
		const running = runTrustpilot(fixture, credential, returnAllReviews(main));
		let stormEndedAt = 0;
		const lifting = (async () => {
			// The storm starts with the 9th request; lift it 6 s after that.
			for (let waited = 0; waited < 20000; waited += 50) {
				const fault = (await fixture.client.faults()).find((candidate) => candidate.id === stormId);
				if (fault && fault.hits > 0) break;
				await sleep(50);
			}
			await sleep(stormMs);
			await fixture.client.removeFault(stormId);
			stormEndedAt = Date.now();
		})();
		const [run] = await Promise.all([running, lifting]);

		const requests = await listRequests();
		const rejected = requests.filter((entry) => entry.status === 429);
		const rejectedTimes = timesOf(rejected);
		// From the first 429 to the first page that got through again: the backoff sequence.
		const ordered = [...requests].sort((a, b) => a.seq - b.seq);
		const firstRejected = ordered.findIndex((entry) => entry.status === 429);
		const recovered = ordered.findIndex(
			(entry, index) => index > firstRejected && entry.status === 200,
		);
		const gaps = gapsOf(timesOf(ordered.slice(firstRejected, recovered + 1)));
		const stormSeconds = (stormEndedAt - rejectedTimes[0]) / 1000;
		const callsPerSecondInStorm = rejected.length / stormSeconds;
		reportMetrics('rate-limit-storm', {
			stormSeconds: Number(stormSeconds.toFixed(1)),
			rejectedCalls: rejected.length,
			callsPerSecondInStorm: Number(callsPerSecondInStorm.toFixed(2)),
			quotaPerSecond: Number(QUOTA_PER_SECOND.toFixed(2)),
			backoffGapsMs: gaps,
			pageRequests: requests.length,
			itemsReturned: run.items.length,
			truth: truth.length,
		});

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => String(item.id))).toEqual(truth);
		// Backoff: at least half a second, then each wait at least as long as twice the previous minimum.
		expect(rejected.length).toBeGreaterThanOrEqual(3);
		expect(rejected.length).toBeLessThanOrEqual(5);
		gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(500 * 2 ** index - 50));
		expect(callsPerSecondInStorm).toBeLessThan(QUOTA_PER_SECOND);
		expect(maxInWindow(timesOf(requests), QUOTA.windowMs)).toBeLessThanOrEqual(QUOTA.calls);
	}, 60000);

	test('quota scaled down 100× (8 calls / 3 s): Return All of 24 pages gets through at the quota rate', async () => {
		const info = await fixture.client.info();
		const main = info.mainBusinessUnit.id;
		const truth = (
			await listTruth(fixture, `/private/business-units/${main}/reviews`, 'reviews', {
				bearer: true,
				query: { orderBy: 'createdat.desc' },
			})
		).map((review) => String(review.id));
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const limit = { max: 8, windowSeconds: 3 };
		await fixture.client.config({ rateLimit: limit });
		const began = Date.now();
		const run = await runTrustpilot(fixture, credential, returnAllReviews(main));
		const seconds = (Date.now() - began) / 1000;
		await fixture.client.config({ rateLimit: null });

		const requests = await listRequests();
		const accepted = requests.filter((entry) => entry.status === 200);
		const rejected = requests.filter((entry) => entry.status === 429);
		const allTimes = timesOf(requests);
		reportMetrics('rate-limit-scaled-quota', {
			limit,
			seconds: Number(seconds.toFixed(1)),
			accepted: accepted.length,
			rejected: rejected.length,
			attemptsPerSecond: Number((requests.length / seconds).toFixed(2)),
			quotaPerSecond: Number((limit.max / limit.windowSeconds).toFixed(2)),
			maxAttemptsIn3s: maxInWindow(allTimes, 3000),
		});

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => String(item.id))).toEqual(truth);
		// It waits instead of hammering: fewer rejected calls than accepted ones, and all attempts
		// (rejected included) within twice the quota rate.
		expect(rejected.length).toBeLessThan(accepted.length);
		expect(requests.length / seconds).toBeLessThanOrEqual((2 * limit.max) / limit.windowSeconds);
	}, 120000);

	test('the real quota (833 calls / 5 min) and a list of 900 pages: a clear rate-limit error, never a partial list; paced, before any 429', async () => {
		const info = await fixture.client.info();
		const unit = info.businessUnits.find((candidate) => candidate.domain === 'example.de')!.id;
		await fixture.client.addReviews({ businessUnitId: unit, count: 90000 });
		const listed = (await fixture.client.info()).businessUnits.find(
			(candidate) => candidate.id === unit,
		)!;
		const total = listed.reviewCount - listed.reportedReviewCount;
		const expectCompleteOrClearError = (run: Awaited<ReturnType<typeof runTrustpilot>>) => {
			const reviews = run.items.filter((item) => item.error === undefined);
			if (reviews.length > 0) {
				expect(reviews).toHaveLength(total);
			} else {
				expect(run.items).toHaveLength(1);
				expect(`${String(run.items[0].error)} ${String(run.items[0].details)}`).toMatch(
					/rate limit/i,
				);
				expect(errorText({ message: run.items[0].error })).not.toBe('');
			}
		};
		await fixture.client.config({
			rateLimit: { max: QUOTA.calls, windowSeconds: QUOTA.windowMs / 1000 },
		});
		await fixture.client.clearRequests();
		// Paced (the default) with a Max Wait shorter than the 5-minute window: the list stops when
		// this process has used the key's budget, before Trustpilot has to refuse a call.
		const paced = await trustpilotCredential(fixture, 'clientCredentials', {
			maxRateLimitWaitMinutes: 0.1,
		});
		const pacedRun = await runTrustpilot(fixture, paced, returnAllReviews(unit), {
			continueOnFail: true,
		});
		const pacedRequests = await listRequests();
		await fixture.client.clearRequests();
		// Without pacing: Trustpilot's 429s, a few retries, then the rate-limit error.
		const unpaced = await trustpilotCredential(fixture, 'clientCredentials', { rateLimits: 'off' });
		const run = await runTrustpilot(fixture, unpaced, returnAllReviews(unit), {
			continueOnFail: true,
		});
		await fixture.client.config({ rateLimit: null });
		const requests = await listRequests();
		const accepted = requests.filter((entry) => entry.status === 200).length;
		const pacedAccepted = pacedRequests.filter((entry) => entry.status === 200).length;
		reportMetrics('rate-limit-real-quota-900-pages', {
			pagesNeeded: Math.ceil(total / 100),
			paced: {
				accepted: pacedAccepted,
				rejected: pacedRequests.length - pacedAccepted,
				outcome:
					pacedRun.items.length === 1 ? pacedRun.items[0].error : `${pacedRun.items.length} items`,
			},
			unpaced: {
				accepted,
				rejected: requests.length - accepted,
				outcome: run.items.length === 1 ? run.items[0].error : `${run.items.length} items`,
			},
		});

		expect(pacedRequests.filter((entry) => entry.status === 429)).toHaveLength(0);
		expect(pacedAccepted).toBeLessThanOrEqual(QUOTA.calls);
		expectCompleteOrClearError(pacedRun);
		expect(String(pacedRun.items[0].details)).toMatch(/Max Wait for the Rate Limit/);
		expect(requests.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
		expect(accepted).toBeLessThanOrEqual(QUOTA.calls);
		expectCompleteOrClearError(run);
	}, 300000);
});
