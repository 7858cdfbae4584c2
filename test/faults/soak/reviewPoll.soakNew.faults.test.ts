import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../harness/fixtures';
import { writeMetrics } from '../../TrustpilotReviewPollTrigger/metrics.cjs';
import {
	checkFailure,
	countRequestsByUnit,
	LIST_PATH,
	perUnit,
	pickFault,
	random,
	setup,
	type FailureCheck,
} from './soakHelpers';
import { allServiceReviews } from '../../TrustpilotReviewPollTrigger/truth';

const fixture = useEmulator();

describe('Review Poll Trigger under load and faults', () => {
	it('"New" reviews from "All Reviews": 220 polls with arrivals, bursts, faults and restarts — none lost, none twice', async () => {
		const maxItems = 60;
		const { poller, unitIds } = await setup(fixture, {
			event: 'new',
			start: 'all',
			options: { maxItemsPerPoll: maxItems, lateWindowMinutes: 0 },
		});
		const next = random(20261123);
		const created = new Map<string, { unit: string; at: number }>();
		for (const unit of unitIds) {
			for (const review of await allServiceReviews(fixture, unit))
				created.set(String(review.id), { unit, at: Date.parse(String(review.createdAt)) });
		}
		const emitted = new Map<string, number>();
		const tally: FailureCheck = { failedPolls: 0, cursorMovedOnFailure: 0, itemsOnFailure: 0 };
		const faults: Record<string, number> = {};
		const requestsPerPoll: number[] = [];
		const quietPollRequests: number[] = [];
		let unordered = 0;
		let quietViolations = 0;
		let quietAtOnePerUnit = 0;
		let changedSinceSuccess = true;
		let lastSuccessComplete = false;

		for (let iteration = 0; iteration < 220; iteration++) {
			const roll = next();
			if (roll < 0.45 || roll > 0.97) {
				const unit = unitIds[Math.floor(next() * unitIds.length)];
				const count = roll > 0.97 ? 120 + Math.floor(next() * 100) : 1 + Math.floor(next() * 3);
				for (const review of (await fixture.client.addReviews({ businessUnitId: unit, count }))
					.reviews) {
					created.set(String(review.id), { unit, at: Date.parse(String(review.createdAt)) });
				}
				changedSinceSuccess = true;
			}
			const fault = pickFault(next, iteration);
			if (fault) await fixture.client.addFault(fault.spec);
			if (iteration % 30 === 29) poller.restart();

			const savedBefore = JSON.parse(JSON.stringify(poller.saved)) as IDataObject;
			const liveBefore = poller.nodeState();
			const outcome = await poller.poll();
			await fixture.client.clearFaults();
			requestsPerPoll.push(outcome.requests.length);
			if (fault) faults[fault.kind] = (faults[fault.kind] ?? 0) + 1;
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
			// Nothing changed, no fault, previous poll complete: one list request per business unit,
			// unless more than a page of reviews shares the newest second (then the page count), and
			// one request for the unit's reported reviews (read separately, see scan.ts).
			if (!fault && !changedSinceSuccess && lastSuccessComplete) {
				quietPollRequests.push(outcome.requests.length);
				const byUnit = countRequestsByUnit(outcome, unitIds);
				const reportedByUnit = countRequestsByUnit(outcome, unitIds, LIST_PATH, true);
				if (unitIds.every((unit) => byUnit[unit] === 1)) quietAtOnePerUnit++;
				for (const unit of unitIds) {
					const newest = Math.max(
						...[...created.values()]
							.filter((entry) => entry.unit === unit)
							.map((entry) => entry.at),
					);
					const inBoundary = [...created.values()].filter(
						(entry) => entry.unit === unit && entry.at >= Math.floor(newest / 1000) * 1000 - 1000,
					).length;
					if (
						inBoundary < 100 ? byUnit[unit] !== 1 : byUnit[unit] > Math.ceil(inBoundary / 100) + 1
					)
						quietViolations++;
					if (reportedByUnit[unit] !== 1) quietViolations++;
				}
			}
			lastSuccessComplete = unitIds.every((unit) => perUnit(outcome.items, unit).length < maxItems);
			changedSinceSuccess = false;
		}

		let drainPolls = 0;
		for (; drainPolls < 30; drainPolls++) {
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
		const metrics = {
			polls: requestsPerPoll.length,
			drainPolls,
			reviews: truth.size,
			emitted: emitted.size,
			lost,
			duplicated,
			unexpected,
			unordered,
			faults,
			...tally,
			quietPolls: quietPollRequests.length,
			quietPollRequests: {
				min: Math.min(...quietPollRequests),
				max: Math.max(...quietPollRequests),
				businessUnits: unitIds.length,
			},
			quietViolations,
			quietAtOnePerUnit,
			requestsPerPoll: {
				average: requestsPerPoll.reduce((a, b) => a + b, 0) / requestsPerPoll.length,
				max: Math.max(...requestsPerPoll),
			},
		};
		writeMetrics('soak-new', metrics);

		expect({ lost, duplicated, unexpected, unordered }).toEqual({
			lost: 0,
			duplicated: 0,
			unexpected: 0,
			unordered: 0,
		});
		expect(tally.failedPolls).toBeGreaterThan(5);
		expect({
			cursorMovedOnFailure: tally.cursorMovedOnFailure,
			itemsOnFailure: tally.itemsOnFailure,
		}).toEqual({ cursorMovedOnFailure: 0, itemsOnFailure: 0 });
		expect(quietPollRequests.length).toBeGreaterThan(20);
		expect(quietViolations).toBe(0);
	});
});
