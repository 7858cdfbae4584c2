// Budget-aware pacing (nodes/Trustpilot/transport/pacing.ts): the pacer's arithmetic on a fake
// clock, then real Return All runs through n8n's engine against the emulator enforcing a
// scaled-down budget (windows of seconds instead of 5 minutes and 1 hour, so the test stays short).
import type { INode, INodeParameters, Logger } from 'n8n-workflow';

import { CallBudget, Pacer, pacingSettingsOf } from '../../nodes/Trustpilot/transport/pacing';
import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { listTruth } from '../faults/support/listTruth';
import { errorText, runTrustpilot } from '../faults/support/nodeRuns';

const NODE = { name: 'Trustpilot', type: 'trustpilot', parameters: {} } as unknown as INode;

function fakeLogger(lines: string[]): Logger {
	const record = (message: string) => lines.push(message);
	return { info: record, warn: record, error: record, debug: record } as unknown as Logger;
}

function pacerOn(
	clock: { now: number },
	credentials: Record<string, unknown>,
	lines: string[] = [],
) {
	const settings = pacingSettingsOf({ ...credentials, apiKey: 'key-that-must-not-be-logged' });
	if (!settings) throw new Error('pacing is off');
	return new Pacer(
		new CallBudget(),
		settings,
		{ node: NODE, itemIndex: 3, logger: fakeLogger(lines) },
		() => clock.now,
	);
}

const custom = (short: [number, number], long: [number, number], maxWaitMinutes = 60) => ({
	rateLimits: 'custom',
	shortWindowCalls: short[0],
	shortWindowSeconds: short[1],
	longWindowCalls: long[0],
	longWindowSeconds: long[1],
	maxRateLimitWaitMinutes: maxWaitMinutes,
});

describe('pacer arithmetic (fake clock)', () => {
	test('documented limits by default, none with No Pacing', () => {
		expect(pacingSettingsOf({})?.windows).toEqual([
			{ calls: 833, ms: 300000 },
			{ calls: 10000, ms: 3600000 },
		]);
		expect(pacingSettingsOf({ rateLimits: 'off' })).toBeUndefined();
	});

	test('both sliding windows: the short one makes every 4th call wait, the long one the 7th', () => {
		const clock = { now: 0 };
		const pacer = pacerOn(clock, custom([3, 1], [6, 10]));
		const sendTimes: number[] = [];
		for (let call = 0; call < 7; call++) {
			clock.now += pacer.reserve();
			sendTimes.push(clock.now);
		}
		// Slots are held 1 % longer than the window (the server counts on arrival).
		expect(sendTimes).toEqual([0, 0, 0, 1010, 1010, 1010, 10100]);
		// Any 3 consecutive calls span more than 1 s, any 6 more than 10 s.
		for (let index = 3; index < sendTimes.length; index++)
			expect(sendTimes[index] - sendTimes[index - 3]).toBeGreaterThan(1000);
		expect(sendTimes[6] - sendTimes[0]).toBeGreaterThan(10000);
	});

	test('a slot counts from when the answer arrived (a slow call or a token request on the way cannot shift the server past us)', () => {
		const clock = { now: 0 };
		const pacer = pacerOn(clock, custom([2, 1], [100, 10]));
		pacer.reserve();
		clock.now = 300; // this first call needed a token first and was answered at 300 ms
		pacer.settle();
		pacer.reserve(); // sent at 300 ms
		pacer.settle();
		// Counted from its send time (0) the first call would free a slot at 1.01 s (a wait of
		// 710 ms); counted from its answer (300 ms) it frees one at 1.31 s.
		expect(pacer.reserve()).toBe(1010);
	});

	test('a 429 with Retry-After waits as told (seconds or an HTTP date), never longer than the long window', () => {
		const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
		const pacer = pacerOn(clock, custom([100, 60], [1000, 120]));
		expect(
			pacer.afterRateLimit({
				status: 429,
				headers: { 'retry-after': '7' },
				body: undefined,
				message: '',
			}),
		).toBe(7000);
		expect(
			pacer.afterRateLimit({
				status: 429,
				headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' },
				body: undefined,
				message: '',
			}),
		).toBe(30000);
		expect(
			pacer.afterRateLimit({
				status: 429,
				headers: { 'retry-after': '86400' },
				body: undefined,
				message: '',
			}),
		).toBe(120000);
	});

	test('429s that keep saying "Retry-After: 0" end too: four retries, then the windows, then the error', () => {
		const clock = { now: 0 };
		const pacer = pacerOn(clock, custom([50, 2], [500, 20]));
		clock.now += pacer.reserve();
		const retryNow = { status: 429, headers: { 'retry-after': '0' }, body: undefined, message: '' };
		const waits = [];
		for (let attempt = 0; attempt < 7; attempt++) waits.push(pacer.afterRateLimit(retryNow));
		expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
		// Then as without Retry-After: the only call (sent at 0) leaves the windows at 2.02 s and 20.2 s.
		expect(waits.slice(4)).toEqual([2020, 20200, undefined]);
	});

	test('a 429 without Retry-After: backs off four times, then waits for each window to free up, then gives up', () => {
		const clock = { now: 0 };
		const pacer = pacerOn(clock, custom([50, 2], [500, 20]));
		clock.now += pacer.reserve();
		const rejected = { status: 429, headers: {}, body: undefined, message: '' };
		const waits = [];
		for (let attempt = 0; attempt < 7; attempt++) waits.push(pacer.afterRateLimit(rejected));
		waits.slice(0, 4).forEach((wait, index) => {
			expect(wait).toBeGreaterThanOrEqual(500 * 2 ** index);
			expect(wait).toBeLessThanOrEqual(1000 * 2 ** index);
		});
		// The only call was sent at 0: it leaves the 2 s window at 2.02 s and the 20 s one at 20.2 s.
		expect(waits[4]).toBe(2020);
		expect(waits[5]).toBe(20200);
		expect(waits[6]).toBeUndefined();
	});

	test('a wait longer than Max Wait is an item error that says why and what to change; waits are logged without the key', () => {
		const clock = { now: 0 };
		const lines: string[] = [];
		const pacer = pacerOn(clock, custom([2, 120], [100, 3600], 1), lines);
		pacer.reserve();
		pacer.reserve();
		let error: unknown;
		try {
			pacer.reserve();
		} catch (caught) {
			error = caught;
		}
		const text = errorText(error);
		expect(text).toContain('would wait 2 min 2 s, longer than the 1 min allowed');
		expect(text).toContain('Max Wait for the Rate Limit');
		expect(text).toContain('2 per 2 min and 100 per 60 min');
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(3);

		const logged: string[] = [];
		const patient = pacerOn(clock, custom([1, 5], [100, 3600]), logged);
		patient.reserve();
		expect(patient.reserve()).toBe(5050);
		expect(logged).toEqual([
			'Trustpilot: waiting 6 s before the next call (the budget of 1 per 5 s and 100 per 60 min is used up; node "Trustpilot")',
		]);
		expect([...lines, ...logged].join('\n')).not.toContain('key-that-must-not-be-logged');
	});
});

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

const returnAll = (businessUnitId: string): INodeParameters => ({
	resource: 'serviceReview',
	operation: 'getAll',
	businessUnit: { __rl: true, mode: 'id', value: businessUnitId },
	source: 'private',
	returnAll: true,
	simplify: false,
});

describe('Return All against an enforced budget (scaled windows)', () => {
	test('paced at the same limits: every review, ⌈N/100⌉ requests, 0 responses 429; unpaced: 429s', async () => {
		const unit = await unitWithPages(PAGES, SCALED);
		const paced = await trustpilotCredential(
			fixture,
			'clientCredentials',
			custom([40, 1.5], [60, 6]),
		);
		const run = await runTrustpilot(fixture, paced, returnAll(unit.id));
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
		const blind = await runTrustpilot(fixture, unpaced, returnAll(unpacedUnit.id));
		const blindLists = blind.requests.filter((entry) => entry.route === LIST_ROUTE);
		expect(blindLists.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
	}, 60000);

	test('limits set higher than the server enforces: Retry-After from the server is obeyed, the list completes', async () => {
		const unit = await unitWithPages(50, { ...SCALED, retryAfter: 'seconds' });
		const optimistic = await trustpilotCredential(
			fixture,
			'clientCredentials',
			custom([1000, 1.5], [1000, 6]),
		);
		const run = await runTrustpilot(fixture, optimistic, returnAll(unit.id));
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
			custom([40, 1.5], [60, 6], 0.01),
		);
		const run = await runTrustpilot(fixture, impatient, returnAll(unit.id));
		const lists = run.requests.filter((entry) => entry.route === LIST_ROUTE);
		expect(errorText(run.error)).toContain("Trustpilot's rate limit: the next call would wait");
		expect(lists.filter((entry) => entry.status === 429)).toHaveLength(0);
		expect(lists.length).toBeLessThanOrEqual(60);
	}, 60000);
});
