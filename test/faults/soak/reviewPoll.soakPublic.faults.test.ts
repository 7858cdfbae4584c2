import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../harness/fixtures';
import { writeMetrics } from '../../TrustpilotReviewPollTrigger/metrics.cjs';
import {
	checkFailure,
	countRequestsByUnit,
	perUnit,
	pickFault,
	random,
	setup,
	type FailureCheck,
} from './soakHelpers';
import { allServiceReviews } from '../../TrustpilotReviewPollTrigger/truth';

const fixture = useEmulator();
const PUBLIC_LIST_PATH = '/v1/business-units/';

describe('Review Poll Trigger on newest-first (public) lists under faults', () => {
	it('"All Reviews" with an API key: 150 polls with arrivals and faults — none lost, none twice', async () => {
		const maxItems = 40;
		const { poller, unitIds } = await setup(
			fixture,
			{ event: 'new', start: 'all', options: { maxItemsPerPoll: maxItems, lateWindowMinutes: 0 } },
			'apiKey',
		);
		const next = random(7);
		const emitted = new Map<string, number>();
		const tally: FailureCheck = { failedPolls: 0, cursorMovedOnFailure: 0, itemsOnFailure: 0 };
		const quiet: number[] = [];
		let unordered = 0;
		let changed = true;
		let lastComplete = false;

		for (let iteration = 0; iteration < 150; iteration++) {
			const roll = next();
			if (roll < 0.4 || iteration === 75) {
				const unit = unitIds[Math.floor(next() * unitIds.length)];
				// Once a burst of more than a page, so one poll must read past page one.
				const count = iteration === 75 ? 130 : 1 + Math.floor(next() * 3);
				await fixture.client.addReviews({ businessUnitId: unit, count });
				changed = true;
			}
			const fault = pickFault(next, iteration, PUBLIC_LIST_PATH);
			if (fault) await fixture.client.addFault(fault.spec);
			if (iteration % 35 === 34) poller.restart();

			const savedBefore = JSON.parse(JSON.stringify(poller.saved)) as IDataObject;
			const liveBefore = poller.nodeState();
			const outcome = await poller.poll();
			await fixture.client.clearFaults();
			if (outcome.error) {
				checkFailure(outcome, savedBefore, poller, liveBefore, tally);
				continue;
			}
			for (const item of outcome.items)
				emitted.set(String(item.id), (emitted.get(String(item.id)) ?? 0) + 1);
			for (const unit of unitIds) {
				const times = perUnit(outcome.items, unit).map((item) =>
					Date.parse(String(item.createdAt)),
				);
				if (times.some((time, index) => index > 0 && time < times[index - 1])) unordered++;
			}
			if (!fault && !changed && lastComplete) {
				const byUnit = countRequestsByUnit(outcome, unitIds, PUBLIC_LIST_PATH);
				quiet.push(...unitIds.map((unit) => byUnit[unit]));
			}
			lastComplete = unitIds.every((unit) => perUnit(outcome.items, unit).length < maxItems);
			changed = false;
		}
		for (let drain = 0; drain < 30; drain++) {
			const outcome = await poller.poll();
			expect(outcome.error).toBeUndefined();
			for (const item of outcome.items)
				emitted.set(String(item.id), (emitted.get(String(item.id)) ?? 0) + 1);
			if (outcome.items.length === 0) break;
		}

		const truth = new Set<string>();
		for (const unit of unitIds)
			for (const review of await allServiceReviews(fixture, unit)) truth.add(String(review.id));
		const lost = [...truth].filter((id) => !emitted.has(id)).length;
		const duplicated = [...emitted.values()].reduce((sum, count) => sum + count - 1, 0);
		const unexpected = [...emitted.keys()].filter((id) => !truth.has(id)).length;
		writeMetrics('soak-public', {
			polls: 150,
			reviews: truth.size,
			lost,
			duplicated,
			unexpected,
			unordered,
			...tally,
			quietPollsPerUnit: quiet.length,
			quietRequestsPerUnit: { min: Math.min(...quiet), max: Math.max(...quiet) },
		});

		expect({ lost, duplicated, unexpected, unordered }).toEqual({
			lost: 0,
			duplicated: 0,
			unexpected: 0,
			unordered: 0,
		});
		expect(tally.failedPolls).toBeGreaterThan(3);
		expect({ moved: tally.cursorMovedOnFailure, items: tally.itemsOnFailure }).toEqual({
			moved: 0,
			items: 0,
		});
		expect(quiet.length).toBeGreaterThan(20);
		expect(new Set(quiet)).toEqual(new Set([1]));
	});
});
