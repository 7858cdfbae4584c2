// The review sync under sustained faults: three Review Poll Triggers (private backfill, public,
// "new and updated" with refresh tokens) over five business units, polled 1,050 times while
// reviews arrive, bursts land and reviews are edited, with a random fault in most rounds and the
// access tokens expired in the middle of pagination now and then. Every review (or version) must
// come out exactly once.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { allServiceReviews } from '../TrustpilotReviewPollTrigger/truth';
import {
	planFault,
	READS,
	seededRandom,
	TOKEN_ENDPOINT_503,
	type FaultKind,
} from './support/faultPlan';
import { reportMetrics } from './support/report.cjs';
import {
	bookChange,
	createSyncWorld,
	pollAndBook,
	versionKeyOf,
	type SyncPoller,
} from './support/syncWorld';
import { expireTokensMidway } from './support/tokenExpiry';
import { UNBUDGETED_LIMITS } from './support/unbudgetedLimits';

const fixture = useEmulator();

const ROUNDS = 350;
const SEED = 20261208;
// The emulator allows 5 token requests a minute per API key; expiring less often than this keeps
// the suite about faults in the middle of pagination rather than about the token quota.
const EXPIRY_SPACING_MS = 30000;

type ExpiryKind = 'token-expiry' | 'token-expiry+token-endpoint-503';

interface Tally {
	planned: Partial<Record<FaultKind | ExpiryKind, number>>;
	fired: Partial<Record<FaultKind | ExpiryKind, number>>;
	cursorMovedOnFailure: number;
	itemsOnFailure: number;
	arrivals: number;
	bursts: number;
	edits: number;
	restarts: number;
}

const bump = (record: Partial<Record<string, number>>, key: string, by = 1) => {
	record[key] = (record[key] ?? 0) + by;
};

async function pollChecked(target: SyncPoller, tally: Tally) {
	const savedBefore = JSON.stringify(target.runner.saved);
	const outcome = await pollAndBook(target);
	if (outcome.error) {
		if (JSON.stringify(target.runner.saved) !== savedBefore) tally.cursorMovedOnFailure++;
		tally.itemsOnFailure += outcome.items.length;
	}
	return outcome;
}

describe('review sync under faults', () => {
	test(
		`${ROUNDS * 3} polls of three triggers with arrivals, edits, bursts, faults and token expiry: none lost, none twice`,
		async () => {
			const next = seededRandom(SEED);
			const { pollers, units } = await createSyncWorld(fixture);
			const [backfill, , updates] = pollers;
			const allUnits = [units.main, units.second, units.german, ...units.others];
			const editable: Array<{ id: string; unit: string }> = [];
			const tally: Tally = {
				planned: {},
				fired: {},
				cursorMovedOnFailure: 0,
				itemsOnFailure: 0,
				arrivals: 0,
				bursts: 0,
				edits: 0,
				restarts: 0,
			};
			let lastExpiry = 0;
			const began = Date.now();

			for (let round = 0; round < ROUNDS; round++) {
				// Arrivals: a few reviews most rounds, a burst on the main unit now and then.
				if (next() < 0.5) {
					const unit = allUnits[Math.floor(next() * allUnits.length)];
					const { reviews } = await fixture.client.addReviews({
						businessUnitId: unit,
						count: 1 + Math.floor(next() * 3),
					});
					for (const review of reviews) {
						bookChange(pollers, review, unit, false);
						if (unit === units.second || unit === units.german)
							editable.push({ id: String(review.id), unit });
					}
					tally.arrivals += reviews.length;
				}
				if (next() < 0.03) {
					const { count } = await fixture.client.addReviews({
						businessUnitId: units.main,
						count: 100 + Math.floor(next() * 200),
					});
					tally.arrivals += count;
					tally.bursts++;
				}
				if (editable.length && next() < 0.3) {
					const target = editable[Math.floor(next() * editable.length)];
					const review = await fixture.client.patchReview(target.id, {
						text: `Edited in round ${round}`,
					});
					bookChange(pollers, review, target.unit, true);
					tally.edits++;
				}
				if (round > 0 && round % 50 === 0) {
					pollers[round % pollers.length].runner.restart();
					tally.restarts++;
				}

				const expireNow = Date.now() - lastExpiry > EXPIRY_SPACING_MS && round > 5;
				if (expireNow) {
					// Alternate: a client-credentials token (new grant) and a refresh-token user.
					const target = lastExpiry === 0 || round % 2 === 0 ? backfill : updates;
					// Every other time the token endpoint also fails once while the token is renewed.
					const kind: ExpiryKind =
						next() < 0.5 ? 'token-expiry' : 'token-expiry+token-endpoint-503';
					if (kind !== 'token-expiry') await fixture.client.addFault(TOKEN_ENDPOINT_503);
					lastExpiry = Date.now();
					bump(tally.planned, kind);
					// Only this trigger's token: every renewal counts against the key's token quota.
					const token = String(target.credential.data().accessToken ?? '') || undefined;
					const { expired } = await expireTokensMidway(
						fixture.client,
						READS,
						1,
						() => pollChecked(target, tally),
						token,
					);
					if (expired) bump(tally.fired, kind);
					await fixture.client.clearFaults();
					for (const other of pollers.filter((candidate) => candidate !== target))
						await pollChecked(other, tally);
					continue;
				}

				const fault = planFault(next);
				if (fault) {
					bump(tally.planned, fault.kind);
					for (const spec of fault.specs) await fixture.client.addFault(spec);
				}
				// A different order each round, so faults land on every trigger, not just the first.
				const order = [...pollers].sort(() => next() - 0.5);
				for (const target of order) await pollChecked(target, tally);
				if (fault) {
					const hits = (await fixture.client.faults()).reduce((sum, state) => sum + state.hits, 0);
					if (hits > 0) bump(tally.fired, fault.kind);
					await fixture.client.clearFaults();
				}
			}

			// No more faults: every trigger catches up within a few polls.
			const drainPolls: Record<string, number> = {};
			for (const target of pollers) {
				drainPolls[target.name] = 0;
				for (let poll = 0; poll < 40; poll++) {
					const outcome = await pollAndBook(target);
					drainPolls[target.name]++;
					expect(outcome.error).toBeUndefined();
					if (outcome.items.length === 0) break;
				}
			}

			// Truth from the emulator: the backfill owes every review of its units.
			const backfillTruth = new Set<string>();
			for (const unit of backfill.unitIds)
				for (const review of await allServiceReviews(fixture, unit))
					backfillTruth.add(String(review.id));
			// The "new and updated" trigger owes the current version of every review it saw appear.
			const latestVersions = new Set<string>();
			for (const unit of updates.unitIds) {
				for (const review of await allServiceReviews(fixture, unit)) {
					const key = versionKeyOf(review as IDataObject);
					if (
						[...updates.expected].some((expected) => expected.startsWith(`${String(review.id)}@`))
					)
						latestVersions.add(key);
				}
			}

			const results = pollers.map((target) => {
				const owed =
					target === backfill
						? backfillTruth
						: target === updates
							? latestVersions
							: target.expected;
				const produced =
					target === updates ? new Set([...target.expected, ...latestVersions]) : owed;
				const lost = [...owed].filter((key) => !target.emitted.has(key));
				const duplicated = [...target.emitted.values()].reduce((sum, count) => sum + count - 1, 0);
				const unexpected = [...target.emitted.keys()].filter((key) => !produced.has(key));
				return {
					name: target.name,
					businessUnits: target.unitIds.length,
					polls: target.polls,
					failedPolls: target.failedPolls,
					owed: owed.size,
					emitted: target.emitted.size,
					lost: lost.length,
					duplicated,
					unexpected: unexpected.length,
					requestsPerPoll: Number(
						(target.requests.reduce((a, b) => a + b, 0) / target.requests.length).toFixed(2),
					),
					maxRequestsInAPoll: Math.max(...target.requests),
					lostSample: lost.slice(0, 5),
					unexpectedSample: unexpected.slice(0, 5),
				};
			});
			const counters = await fixture.client.counters();
			const totals = {
				polls: results.reduce((sum, result) => sum + result.polls, 0),
				lost: results.reduce((sum, result) => sum + result.lost, 0),
				duplicated: results.reduce((sum, result) => sum + result.duplicated, 0),
				unexpected: results.reduce((sum, result) => sum + result.unexpected, 0),
			};
			reportMetrics('review-sync', {
				seed: SEED,
				rounds: ROUNDS,
				seconds: Math.round((Date.now() - began) / 1000),
				...totals,
				pollers: results,
				drainPolls,
				...tally,
				emulator: { byStatus: counters.byStatus, tokenRequests: counters.tokenRequests },
			});

			expect(totals.polls).toBeGreaterThanOrEqual(1000);
			expect(
				results.map(({ name, lost, duplicated, unexpected }) => ({
					name,
					lost,
					duplicated,
					unexpected,
				})),
			).toEqual(pollers.map(({ name }) => ({ name, lost: 0, duplicated: 0, unexpected: 0 })));
			expect({
				cursorMovedOnFailure: tally.cursorMovedOnFailure,
				itemsOnFailure: tally.itemsOnFailure,
			}).toEqual({
				cursorMovedOnFailure: 0,
				itemsOnFailure: 0,
			});
			// The faults really happened: failed polls, every kind fired, tokens expired mid-poll.
			expect(results.every((result) => result.failedPolls > 0)).toBe(true);
			expect(Object.keys(tally.fired).sort()).toEqual(Object.keys(tally.planned).sort());
			expect(
				(tally.fired['token-expiry'] ?? 0) + (tally.fired['token-expiry+token-endpoint-503'] ?? 0),
			).toBeGreaterThanOrEqual(3);
			expect(results.every((result) => result.owed > 20)).toBe(true);
		},
		9 * 60 * 1000,
	);

	// Deterministic reproducer of one fault from the soak: the second page of a poll comes back
	// as 200 with an empty object (a proxy, a gateway hiccup). The poll must not treat that as the
	// end of the list and move its cursor past reviews it never read.
	for (const mode of ['apiKey', 'clientCredentials'] as const) {
		test(`a page answered "200 {}" in the middle of a poll (${mode}): the next polls still emit all 250 new reviews`, async () => {
			const info = await fixture.client.info();
			const unit = info.businessUnits.find((candidate) => candidate.domain === 'example.de')!.id;
			const credential = await trustpilotCredential(fixture, mode, UNBUDGETED_LIMITS);
			const runner = new PollRunner(fixture, credential, {
				reviewType: 'service',
				businessUnits: { unit: [{ businessUnit: { __rl: true, mode: 'id', value: unit } }] },
				event: 'new',
				start: 'now',
				simplify: true,
				options: { lateWindowMinutes: 0 },
			} as INodeParameters);
			expect((await runner.poll()).error).toBeUndefined();
			const added = (
				await fixture.client.addReviews({ businessUnitId: unit, count: 250 })
			).reviews.map((review) => String(review.id));
			await fixture.client.addFault({
				match: { pathRegex: '/reviews$' },
				action: { status: 200, body: {} },
				skip: 1,
			});
			const emitted: string[] = [];
			for (let poll = 0; poll < 5; poll++)
				emitted.push(...(await runner.poll()).items.map((item) => String(item.id)));
			expect({
				lost: added.filter((id) => !emitted.includes(id)).length,
				duplicated: emitted.length - new Set(emitted).size,
			}).toEqual({
				lost: 0,
				duplicated: 0,
			});
		});
	}
});
