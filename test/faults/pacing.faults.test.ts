// Budget-aware pacing (nodes/Trustpilot/transport/pacing.ts) through n8n's engine: Return All
// against the emulator enforcing a scaled-down budget (windows of seconds instead of 5 minutes and
// 1 hour). The runs wait for the windows for real, so they live here rather than in npm test; the
// pacer's arithmetic on a fake clock is test/Trustpilot/transport/pacing.test.ts.

import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { listTruth } from './support/listTruth';
import { errorText, runTrustpilot, returnAllReviews } from './support/nodeRuns';
import { customRateLimits } from '../harness/rateLimits';

const fixture = useEmulator();
const LIST_ROUTE = 'GET /v1/private/business-units/{businessUnitId}/reviews';

// 40 calls per 1.5 s and 60 per 6 s: a Return All of ~70 pages has to wait for both windows.
const SCALED = {
	windows: [
		{ max: 40, windowSeconds: 1.5 },
		{ max: 60, windowSeconds: 6 },
	],
};
const PAGES = 70;

/** A fresh emulator whose main unit lists about `pages` pages, then enforcing `budget`. */
async function unitWithPages(pages: number, budget: object) {
	await fixture.client.reset({ config: { logBodies: false } });
	const info = await fixture.client.info();
	const unit = info.businessUnits.find((candidate) => candidate.id === info.mainBusinessUnit.id)!;
	const missing = pages * 100 - 50 - unit.reviewCount;
	if (missing > 0) await fixture.client.addReviews({ businessUnitId: unit.id, count: missing });
	// Read before the budget applies: what the Return All must reproduce.
	const truth = await listTruth(fixture, `/private/business-units/${unit.id}/reviews`, 'reviews', {
		bearer: true,
		query: { orderBy: 'createdat.desc' },
	});
	await fixture.client.config({ budget } as never);
	return { id: unit.id, total: truth.length, ids: truth.map((review) => String(review.id)) };
}

describe('Return All against an enforced budget (scaled windows)', () => {
	test('paced at the same limits: every review, ⌈N/100⌉ requests, 0 responses 429; unpaced: 429s', async () => {
		const unit = await unitWithPages(PAGES, SCALED);
		const paced = await trustpilotCredential(
			fixture,
			'clientCredentials',
			customRateLimits([40, 1.5], [60, 6]),
		);
		const run = await runTrustpilot(fixture, paced, returnAllReviews(unit.id));
		const lists = run.requests.filter((entry) => entry.route === LIST_ROUTE);
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => String(item.id)).join()).toBe(unit.ids.join());
		expect(lists).toHaveLength(Math.ceil(unit.total / 100));
		expect(lists.filter((entry) => entry.status === 429)).toHaveLength(0);
		// The budget really bound: 70 calls need two waits for the long window's first 60 to leave.
		const first = Math.min(...lists.map((entry) => Date.parse(entry.at)));
		const last = Math.max(...lists.map((entry) => Date.parse(entry.at)));
		expect(last - first).toBeGreaterThanOrEqual(6000);

		// The same run without pacing meets the emulator's 429s (and backs off blindly).
		const unpacedUnit = await unitWithPages(PAGES, SCALED);
		const unpaced = await trustpilotCredential(fixture, 'clientCredentials', { rateLimits: 'off' });
		const blind = await runTrustpilot(fixture, unpaced, returnAllReviews(unpacedUnit.id));
		const blindLists = blind.requests.filter((entry) => entry.route === LIST_ROUTE);
		expect(blindLists.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
	}, 60000);

	test('limits set higher than the server enforces: Retry-After from the server is obeyed, the list completes', async () => {
		const unit = await unitWithPages(50, { ...SCALED, retryAfter: 'seconds' });
		const optimistic = await trustpilotCredential(
			fixture,
			'clientCredentials',
			customRateLimits([1000, 1.5], [1000, 6]),
		);
		const run = await runTrustpilot(fixture, optimistic, returnAllReviews(unit.id));
		const lists = run.requests.filter((entry) => entry.route === LIST_ROUTE);
		const rejected = lists.filter((entry) => entry.status === 429);
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => String(item.id)).join()).toBe(unit.ids.join());
		expect(rejected.length).toBeGreaterThan(0);
		// Waiting as told means one 429 per exhausted window, not a burst of retries.
		expect(rejected.length).toBeLessThanOrEqual(3);
	}, 60000);

	test('Max Wait shorter than the window: the item fails with the rate-limit message before sending more', async () => {
		const unit = await unitWithPages(PAGES, SCALED);
		// 0.01 min = 600 ms, less than the 6 s the long window needs to free up after 60 calls.
		const impatient = await trustpilotCredential(
			fixture,
			'clientCredentials',
			customRateLimits([40, 1.5], [60, 6], 0.01),
		);
		const run = await runTrustpilot(fixture, impatient, returnAllReviews(unit.id));
		const lists = run.requests.filter((entry) => entry.route === LIST_ROUTE);
		expect(errorText(run.error)).toContain("Trustpilot's rate limit: the next call would wait");
		expect(lists.filter((entry) => entry.status === 429)).toHaveLength(0);
		expect(lists.length).toBeLessThanOrEqual(60);
	}, 60000);
});
