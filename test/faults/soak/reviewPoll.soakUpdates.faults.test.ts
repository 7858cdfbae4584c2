import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../harness/fixtures';
import { writeMetrics } from '../../TrustpilotReviewPollTrigger/metrics.cjs';
import { checkFailure, perUnit, pickFault, random, setup, type FailureCheck } from './soakHelpers';
import { versionKey } from '../../TrustpilotReviewPollTrigger/truth';

const fixture = useEmulator();

describe('Review Poll Trigger under load and faults', () => {
	it('"New and Updated" from "Now": 200 polls with arrivals, edits and faults — each (id, updatedAt) exactly once', async () => {
		const maxItems = 50;
		const { poller, unitIds } = await setup(fixture, {
			event: 'newAndUpdated',
			start: 'now',
			options: { maxItemsPerPoll: maxItems, updateWindowDays: 1 },
		});
		const next = random(42);
		const current = new Map<string, string>();
		const produced = new Set<string>();
		const emitted = new Map<string, number>();
		const firstChange = new Map<string, string>();
		const tally: FailureCheck = { failedPolls: 0, cursorMovedOnFailure: 0, itemsOnFailure: 0 };
		const requestsPerPoll: number[] = [];
		let wrongChangeType = 0;
		let lagging = 0;
		let edits = 0;

		for (let iteration = 0; iteration < 200; iteration++) {
			if (next() < 0.4) {
				const unit = unitIds[Math.floor(next() * unitIds.length)];
				for (const review of (
					await fixture.client.addReviews({
						businessUnitId: unit,
						count: 1 + Math.floor(next() * 3),
					})
				).reviews) {
					current.set(String(review.id), versionKey(review));
					produced.add(versionKey(review));
				}
			}
			const ids = [...current.keys()];
			if (ids.length && next() < 0.35) {
				for (let edit = 0; edit < 1 + Math.floor(next() * 2); edit++) {
					const id = ids[Math.floor(next() * ids.length)];
					const review = await fixture.client.patchReview(id, {
						text: `Edit ${iteration}.${edit}`,
					});
					current.set(id, versionKey(review));
					produced.add(versionKey(review));
					edits++;
				}
			}
			const fault = pickFault(next, iteration);
			if (fault) await fixture.client.addFault(fault.spec);
			if (iteration % 40 === 39) poller.restart();

			const savedBefore = JSON.parse(JSON.stringify(poller.saved)) as IDataObject;
			const liveBefore = poller.nodeState();
			const outcome = await poller.poll();
			await fixture.client.clearFaults();
			requestsPerPoll.push(outcome.requests.length);
			if (outcome.error) {
				checkFailure(outcome, savedBefore, poller, liveBefore, tally);
				continue;
			}
			for (const item of outcome.items) {
				const key = versionKey(item);
				emitted.set(key, (emitted.get(key) ?? 0) + 1);
				const expected = firstChange.has(String(item.id)) ? 'updated' : 'new';
				if (item.changeType !== expected) wrongChangeType++;
				firstChange.set(String(item.id), String(item.changeType));
			}
			// After a complete poll every review's current version has been delivered.
			if (unitIds.every((unit) => perUnit(outcome.items, unit).length < maxItems)) {
				lagging += [...current.values()].filter((key) => !emitted.has(key)).length;
			}
		}

		for (let drain = 0; drain < 10; drain++) {
			const outcome = await poller.poll();
			for (const item of outcome.items)
				emitted.set(versionKey(item), (emitted.get(versionKey(item)) ?? 0) + 1);
			if (outcome.items.length === 0) break;
		}
		const lost = [...current.values()].filter((key) => !emitted.has(key)).length;
		const duplicated = [...emitted.values()].reduce((sum, count) => sum + count - 1, 0);
		const unexpected = [...emitted.keys()].filter((key) => !produced.has(key)).length;
		writeMetrics('soak-updates', {
			polls: requestsPerPoll.length,
			reviews: current.size,
			edits,
			versionsProduced: produced.size,
			versionsEmitted: emitted.size,
			lost,
			lagging,
			duplicated,
			unexpected,
			wrongChangeType,
			...tally,
			requestsPerPoll: {
				average: requestsPerPoll.reduce((a, b) => a + b, 0) / requestsPerPoll.length,
				max: Math.max(...requestsPerPoll),
			},
		});

		expect({ lost, lagging, duplicated, unexpected, wrongChangeType }).toEqual({
			lost: 0,
			lagging: 0,
			duplicated: 0,
			unexpected: 0,
			wrongChangeType: 0,
		});
		expect(current.size).toBeGreaterThan(100);
		expect(edits).toBeGreaterThan(50);
		expect(tally.failedPolls).toBeGreaterThan(5);
		expect({
			cursorMovedOnFailure: tally.cursorMovedOnFailure,
			itemsOnFailure: tally.itemsOnFailure,
		}).toEqual({ cursorMovedOnFailure: 0, itemsOnFailure: 0 });
	});
});
