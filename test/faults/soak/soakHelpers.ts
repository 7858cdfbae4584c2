import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultSpec } from '../../harness/emulatorClient';
import { trustpilotCredential, type AuthMode, type EmulatorFixture } from '../../harness/fixtures';
import { PollRunner, type PollOutcome } from '../../TrustpilotReviewPollTrigger/pollRunner';
import { businessUnitByDomain } from '../../TrustpilotReviewPollTrigger/truth';
import { UNBUDGETED_LIMITS } from '../support/unbudgetedLimits';

export const LIST_PATH = '/v1/private/business-units/';

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface InjectedFault {
	kind: string;
	spec: FaultSpec;
}

/** One fault on the review lists (never on the token endpoint), or none. */
export function pickFault(
	next: () => number,
	iteration: number,
	pathPrefix = LIST_PATH,
): InjectedFault | undefined {
	const match = { pathPrefix };
	const skip = Math.floor(next() * 4);
	const retryNow = { 'Retry-After': '0' };
	if (iteration % 45 === 44)
		return { kind: 'reset', spec: { match, action: { reset: true }, skip } };
	if (iteration % 60 === 59)
		return { kind: 'truncated', spec: { match, action: { truncateJson: true }, skip } };
	const roll = next();
	if (roll < 0.12) {
		return {
			kind: '429',
			spec: {
				match,
				action: { status: 429, headers: retryNow },
				times: 1 + Math.floor(next() * 3),
				skip,
			},
		};
	}
	if (roll < 0.2)
		return {
			kind: '503',
			spec: {
				match,
				action: { status: 503, headers: retryNow },
				times: 1 + Math.floor(next() * 2),
				skip,
			},
		};
	if (roll < 0.26)
		return {
			kind: '502-html',
			spec: { match, action: { status: 502, html: true, headers: retryNow }, skip },
		};
	// Fatal faults hit one of the first two requests, so they fire in (almost) every poll.
	const early = Math.floor(next() * 2);
	if (roll < 0.32)
		return { kind: 'fatal-500', spec: { match, action: { status: 500 }, skip: early } };
	if (roll < 0.35)
		return {
			kind: 'fatal-429',
			spec: { match, action: { status: 429, headers: retryNow }, times: 6, skip: early },
		};
	return undefined;
}

export const perUnit = (items: IDataObject[], unitId: string) =>
	items.filter((item) => item.businessUnitId === unitId);

/**
 * Per business unit: a poll's list requests, or (`reported`) its separate reported=true requests
 * (private lists only).
 */
export function countRequestsByUnit(
	outcome: PollOutcome,
	unitIds: string[],
	pathPrefix = LIST_PATH,
	reported = false,
): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const id of unitIds)
		counts[id] = outcome.requests.filter(
			(entry) =>
				entry.path === `${pathPrefix}${id}/reviews` &&
				(entry.query?.reported === 'true') === reported,
		).length;
	return counts;
}

export async function setup(
	fixture: EmulatorFixture,
	parameters: INodeParameters,
	mode: AuthMode = 'clientCredentials',
) {
	const second = await businessUnitByDomain(fixture, 'shop.example.org');
	const german = await businessUnitByDomain(fixture, 'example.de');
	const credential = await trustpilotCredential(fixture, mode, UNBUDGETED_LIMITS);
	const units = [
		{ businessUnit: { __rl: true, mode: 'id', value: second.id } },
		{ businessUnit: { __rl: true, mode: 'domain', value: german.domain } },
	];
	const poller = new PollRunner(fixture, credential, {
		reviewType: 'service',
		businessUnits: { unit: units },
		simplify: true,
		...parameters,
	} as INodeParameters);
	return { poller, unitIds: [second.id, german.id] };
}

export interface FailureCheck {
	failedPolls: number;
	cursorMovedOnFailure: number;
	itemsOnFailure: number;
}

/** A failed poll must leave the saved and the live static data exactly as they were. */
export function checkFailure(
	outcome: PollOutcome,
	before: IDataObject,
	poller: PollRunner,
	liveBefore: IDataObject,
	tally: FailureCheck,
) {
	tally.failedPolls++;
	if (JSON.stringify(poller.saved) !== JSON.stringify(before)) tally.cursorMovedOnFailure++;
	if (JSON.stringify(poller.nodeState()) !== JSON.stringify(liveBefore))
		tally.cursorMovedOnFailure++;
	tally.itemsOnFailure += outcome.items.length;
}
