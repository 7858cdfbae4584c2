import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { callApi } from '../../harness/emulatorClient';
import type { EmulatorFixture, TestCredential } from '../../harness/fixtures';
import { trustpilotCredential } from '../../harness/fixtures';
import { PollRunner, type PollOutcome } from '../../TrustpilotReviewPollTrigger/pollRunner';
import { recordRun } from '../../harness/hygiene/runRecorder.cjs';
import { UNBUDGETED_LIMITS } from './unbudgetedLimits';

/**
 * One Review Poll Trigger of the sync soak, with what it emitted and what it should emit.
 * Keys are review ids ("new" pollers) or `id@updatedAt` ("new and updated").
 */
export interface SyncPoller {
	name: string;
	runner: PollRunner;
	credential: TestCredential;
	unitIds: string[];
	watchUpdates: boolean;
	/** Set after the first successful poll: "Start From: Now" ignores what existed before. */
	startedAt?: number;
	emitted: Map<string, number>;
	/** Keys that became expected while this poller was running. */
	expected: Set<string>;
	polls: number;
	failedPolls: number;
	/** Requests per poll, for the report. */
	requests: number[];
}

const byId = (id: string) => ({ businessUnit: { __rl: true, mode: 'id', value: id } });

export const versionKeyOf = (review: IDataObject): string =>
	`${String(review.id)}@${String(review.updatedAt ?? review.createdAt)}`;

function poller(
	name: string,
	runner: PollRunner,
	credential: TestCredential,
	unitIds: string[],
	watchUpdates: boolean,
): SyncPoller {
	return {
		name,
		runner,
		credential,
		unitIds,
		watchUpdates,
		emitted: new Map(),
		expected: new Set(),
		polls: 0,
		failedPolls: 0,
		requests: [],
	};
}

/** Two public business units of other companies (the public world of the emulator). */
async function publicUnits(fixture: EmulatorFixture): Promise<string[]> {
	const { account } = await fixture.client.info();
	const response = await callApi<{ businessUnits: IDataObject[] }>(
		`${fixture.handle.apiUrl}/business-units/all?perPage=20&country=DK`,
		{ headers: { apikey: account.apiKey } },
	);
	return response.json.businessUnits.slice(0, 2).map((unit) => String(unit.id));
}

/**
 * Three triggers over five business units, each in a different mode:
 * - "backfill": Client Credentials (private list, oldest first), "New", from "All Reviews",
 *   Max Items 150, on the account's three units — the main one also gets bursts;
 * - "public": API key only (public list, newest first), "New", from "Now", two public units;
 * - "updates": Business User Login (refresh tokens), "New and Updated", from "Now", two units.
 */
export async function createSyncWorld(fixture: EmulatorFixture) {
	const info = await fixture.client.info();
	const unit = (domain: string) =>
		info.businessUnits.find((candidate) => candidate.domain === domain)!.id;
	const main = unit('example.com');
	const second = unit('shop.example.org');
	const german = unit('example.de');
	const others = await publicUnits(fixture);

	const base = { reviewType: 'service', simplify: true };
	const make = async (
		name: string,
		mode: 'apiKey' | 'clientCredentials' | 'password',
		unitIds: string[],
		parameters: IDataObject,
		watchUpdates = false,
	) => {
		const credential = await trustpilotCredential(fixture, mode, UNBUDGETED_LIMITS);
		const runner = new PollRunner(fixture, credential, {
			...base,
			businessUnits: { unit: unitIds.map(byId) },
			...parameters,
		} as INodeParameters);
		return poller(name, runner, credential, unitIds, watchUpdates);
	};
	const pollers = [
		await make('backfill', 'clientCredentials', [main, second, german], {
			event: 'new',
			start: 'all',
			options: { maxItemsPerPoll: 150, lateWindowMinutes: 0 },
		}),
		await make('public', 'apiKey', others, {
			event: 'new',
			start: 'now',
			options: { maxItemsPerPoll: 80, lateWindowMinutes: 0 },
		}),
		await make(
			'updates',
			'password',
			[second, german],
			{
				event: 'newAndUpdated',
				start: 'now',
				simplify: false,
				options: { maxItemsPerPoll: 60, lateWindowMinutes: 1, updateWindowDays: 1 },
			},
			true,
		),
	];
	return { pollers, units: { main, second, german, others } };
}

/** Polls once and books what came out; a failed poll must emit nothing. */
export async function pollAndBook(target: SyncPoller): Promise<PollOutcome> {
	const outcome = await target.runner.poll();
	// Secret hygiene: polls do not go through runWorkflow, so they are recorded here.
	recordRun('poll', { items: outcome.items, error: outcome.error }, target.credential);
	target.polls++;
	target.requests.push(outcome.requests.length);
	if (outcome.error) {
		target.failedPolls++;
		return outcome;
	}
	if (target.startedAt === undefined) target.startedAt = Date.now();
	for (const item of outcome.items) {
		const key = target.watchUpdates ? versionKeyOf(item) : String(item.id);
		target.emitted.set(key, (target.emitted.get(key) ?? 0) + 1);
	}
	return outcome;
}

/** Books a review that appeared or changed, for every started poller that watches its unit. */
export function bookChange(
	pollers: SyncPoller[],
	review: IDataObject,
	unitId: string,
	isEdit: boolean,
) {
	for (const target of pollers) {
		if (!target.unitIds.includes(unitId)) continue;
		if (isEdit && !target.watchUpdates) continue;
		// "Start From: Now": only what happens after the first successful poll counts.
		if (target.startedAt === undefined) continue;
		target.expected.add(target.watchUpdates ? versionKeyOf(review) : String(review.id));
	}
}
