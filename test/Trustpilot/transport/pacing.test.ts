// Budget-aware pacing (nodes/Trustpilot/transport/pacing.ts): the pacer's arithmetic on a fake
// clock. Return All through n8n's engine against the emulator enforcing a scaled budget waits
// for real, so it runs with the fault suite: test/faults/pacing.faults.test.ts.
import type { INode, Logger } from 'n8n-workflow';

import { CallBudget, Pacer, pacingSettingsOf } from '../../../nodes/Trustpilot/transport/pacing';
import { errorText } from '../../faults/support/nodeRuns';
import { customRateLimits } from '../../harness/rateLimits';

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
		const pacer = pacerOn(clock, customRateLimits([3, 1], [6, 10]));
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
		const pacer = pacerOn(clock, customRateLimits([2, 1], [100, 10]));
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
		const pacer = pacerOn(clock, customRateLimits([100, 60], [1000, 120]));
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
		const pacer = pacerOn(clock, customRateLimits([50, 2], [500, 20]));
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
		const pacer = pacerOn(clock, customRateLimits([50, 2], [500, 20]));
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
		const pacer = pacerOn(clock, customRateLimits([2, 120], [100, 3600], 1), lines);
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
		const patient = pacerOn(clock, customRateLimits([1, 5], [100, 3600]), logged);
		patient.reserve();
		expect(patient.reserve()).toBe(5050);
		expect(logged).toEqual([
			'Trustpilot: waiting 6 s before the next call (the budget of 1 per 5 s and 100 per 60 min is used up; node "Trustpilot")',
		]);
		expect([...lines, ...logged].join('\n')).not.toContain('key-that-must-not-be-logged');
	});
});
