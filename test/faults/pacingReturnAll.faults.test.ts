// Issue 14's pacing proof at test size: a Return All of 25,000 reviews (250 pages) through n8n's
// engine against the emulator enforcing both windows on a scaled clock, with the credential's
// custom limits set to the same budget. Completion and 0 responses 429 are asserted here; how
// close the pace comes to the budget is a ratio, measured by `npm run bench` (bench/pacing.mjs).

import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { listTruth } from './support/listTruth';
import { runTrustpilot, returnAllReviews } from './support/nodeRuns';

const fixture = useEmulator();
const LIST_ROUTE = 'GET /v1/private/business-units/{businessUnitId}/reviews';
const REVIEWS = 25000;

// 833 per 5 min and 10,000 per hour scaled down: 50 calls per 1 s and 100 per 3 s, so 250 pages
// fill the long window twice and the short one on every burst.
const BUDGET = {
	windows: [
		{ max: 50, windowSeconds: 1 },
		{ max: 100, windowSeconds: 3 },
	],
};
const PACED = {
	rateLimits: 'custom',
	shortWindowCalls: 50,
	shortWindowSeconds: 1,
	longWindowCalls: 100,
	longWindowSeconds: 3,
	maxRateLimitWaitMinutes: 1,
};

test('Return All of 25,000 reviews paced at the enforced (scaled) budget: every review once, in order, 0 responses 429', async () => {
	await fixture.client.reset({ config: { logBodies: false } });
	const info = await fixture.client.info();
	const unitId = info.mainBusinessUnit.id;
	const unit = info.businessUnits.find((candidate) => candidate.id === unitId)!;
	// reviewCount also counts seeded reviews the private list leaves out: top up until it lists 25,000.
	const read = () =>
		listTruth(fixture, `/private/business-units/${unitId}/reviews`, 'reviews', {
			bearer: true,
			query: { orderBy: 'createdat.desc' },
		});
	await fixture.client.addReviews({ businessUnitId: unitId, count: REVIEWS - unit.reviewCount });
	let truth = await read();
	if (truth.length < REVIEWS) {
		await fixture.client.addReviews({ businessUnitId: unitId, count: REVIEWS - truth.length });
		// Read before the budget applies: what the Return All must reproduce.
		truth = await read();
	}
	expect(truth).toHaveLength(REVIEWS);
	await fixture.client.config({ budget: BUDGET } as never);

	const credential = await trustpilotCredential(fixture, 'clientCredentials', PACED);
	const run = await runTrustpilot(fixture, credential, returnAllReviews(unitId));
	const lists = run.requests.filter((entry) => entry.route === LIST_ROUTE);

	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(REVIEWS);
	expect(run.items.map((item) => String(item.id))).toEqual(
		truth.map((review) => String(review.id)),
	);
	expect(lists.filter((entry) => entry.status === 429)).toHaveLength(0);
	expect(lists).toHaveLength(REVIEWS / 100);
	// The emulator's own count agrees: it refused nothing and accepted every page.
	const budget = (await (await fetch(`${fixture.client.adminUrl}/budget`)).json()) as {
		accepted: number;
		rejected: number;
	};
	expect(budget.rejected).toBe(0);
	expect(budget.accepted).toBeGreaterThanOrEqual(REVIEWS / 100);
}, 120000);
