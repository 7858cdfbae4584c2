// Return All under faults: the node gives the complete list, exactly as the API serves it, or a
// clear error — never a partial list that looks complete. Each scenario injects one fault in the
// middle of the list (page 6 of 24, or page 2 of 3 for business units).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultSpec } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';
import { reportMetrics } from './support/report.cjs';
import { listTruth } from './support/listTruth';
import { errorText, runTrustpilot, type NodeRun } from './support/nodeRuns';
import { expireTokensMidway } from './support/tokenExpiry';
import { UNBUDGETED_LIMITS } from './support/unbudgetedLimits';

const fixture = useEmulator();

type Expect = 'complete' | 'error';

interface Scenario {
	name: string;
	action: FaultSpec['action'];
	times?: number;
	expect: Expect;
}

const RETRY_NOW = { 'Retry-After': '0' };
const SCENARIOS: Scenario[] = [
	{ name: '502 twice', action: { status: 502, headers: RETRY_NOW }, times: 2, expect: 'complete' },
	{ name: '503 once, real backoff', action: { status: 503 }, expect: 'complete' },
	{
		name: 'HTML 502 page',
		action: { html: true, status: 502, headers: RETRY_NOW },
		expect: 'complete',
	},
	{ name: 'connection reset', action: { reset: true }, expect: 'complete' },
	{ name: 'truncated JSON', action: { truncateJson: true }, expect: 'complete' },
	{
		name: '429 storm of 4 (the retry limit)',
		action: { status: 429, headers: RETRY_NOW },
		times: 4,
		expect: 'complete',
	},
	{ name: 'slow page (1.5 s)', action: { latencyMs: 1500 }, expect: 'complete' },
	{ name: '500', action: { status: 500 }, expect: 'error' },
	{ name: 'HTML 500 page', action: { html: true, status: 500 }, expect: 'error' },
	{
		name: '429 storm of 6 (past the retry limit)',
		action: { status: 429, headers: RETRY_NOW },
		times: 6,
		expect: 'error',
	},
	{
		name: '503 storm of 6',
		action: { status: 503, headers: RETRY_NOW },
		times: 6,
		expect: 'error',
	},
	// A proxy answering 200 without the list is not the end of the list.
	{ name: '200 with an empty JSON object', action: { status: 200, body: {} }, expect: 'error' },
	// An empty body where a page was expected is taken as cut off: the read is asked again (issue 12,
	// class 4), so one of them still gives the whole list; one that stays empty is a clear error.
	{ name: '200 with an empty body', action: { status: 200, body: '' }, expect: 'complete' },
	{
		name: '200 with an empty body, 6 times',
		action: { status: 200, body: '', headers: RETRY_NOW },
		times: 6,
		expect: 'error',
	},
];

interface ListCase {
	name: string;
	mode: AuthMode;
	parameters: (ids: { main: string }) => INodeParameters;
	route: string;
	/** Requests let through before the fault (mid-list). */
	skip: number;
	truth: (ids: { main: string }) => Promise<IDataObject[]>;
	idOf: (item: IDataObject) => string;
}

const CASES: ListCase[] = [
	{
		name: 'service reviews, private',
		mode: 'clientCredentials',
		parameters: ({ main }) => ({
			resource: 'serviceReview',
			operation: 'getAll',
			businessUnit: { __rl: true, mode: 'id', value: main },
			source: 'private',
			returnAll: true,
			simplify: false,
		}),
		route: 'GET /v1/private/business-units/{businessUnitId}/reviews',
		skip: 5,
		truth: ({ main }) =>
			listTruth(fixture, `/private/business-units/${main}/reviews`, 'reviews', {
				bearer: true,
				query: { orderBy: 'createdat.desc' },
			}),
		idOf: (item) => String(item.id),
	},
	{
		name: 'service reviews, public',
		mode: 'apiKey',
		parameters: ({ main }) => ({
			resource: 'serviceReview',
			operation: 'getAll',
			businessUnit: { __rl: true, mode: 'id', value: main },
			source: 'public',
			returnAll: true,
			simplify: false,
		}),
		route: 'GET /v1/business-units/{businessUnitId}/reviews',
		skip: 5,
		truth: ({ main }) =>
			listTruth(fixture, `/business-units/${main}/reviews`, 'reviews', {
				query: { orderBy: 'createdat.desc' },
			}),
		idOf: (item) => String(item.id),
	},
	{
		name: 'business units (cursor paging)',
		mode: 'apiKey',
		parameters: () => ({ resource: 'businessUnit', operation: 'getAll', returnAll: true }),
		route: 'GET /v1/business-units/all',
		skip: 1,
		truth: () =>
			listTruth(fixture, '/business-units/all', 'businessUnits', { cursor: true, perPage: 1000 }),
		idOf: (item) => String(item.id),
	},
];

type Verdict = 'complete' | 'clear error' | 'PARTIAL' | 'WRONG';

function judge(
	run: NodeRun,
	truth: string[],
	idOf: (item: IDataObject) => string,
	continueOnFail: boolean,
): Verdict {
	const errorItems = run.items.filter((item) => item.error !== undefined);
	const dataItems = run.items.filter((item) => item.error === undefined);
	const failed = run.error !== undefined || errorItems.length > 0;
	if (!failed) {
		const ids = dataItems.map(idOf);
		if (ids.length === truth.length && ids.every((id, index) => id === truth[index]))
			return 'complete';
		return ids.length < truth.length ? 'PARTIAL' : 'WRONG';
	}
	// A failure must come alone: no reviews next to it, and a message that says what happened.
	if (dataItems.length > 0) return 'PARTIAL';
	if (continueOnFail && (errorItems.length !== 1 || run.error)) return 'WRONG';
	const text = continueOnFail
		? `${String(errorItems[0].error)}\n${String(errorItems[0].details ?? '')}`
		: errorText(run.error);
	return /Trustpilot/.test(text) && text.length > 20 ? 'clear error' : 'WRONG';
}

describe('Return All under faults', () => {
	for (const listCase of CASES) {
		test(`${listCase.name}: the complete list or a clear error, in ${SCENARIOS.length * 2 + 1} faulty runs`, async () => {
			const info = await fixture.client.info();
			const ids = { main: info.mainBusinessUnit.id };
			const truth = (await listCase.truth(ids)).map(listCase.idOf);
			const credential = await trustpilotCredential(fixture, listCase.mode, UNBUDGETED_LIMITS);
			const parameters = listCase.parameters(ids);
			const verdicts: Record<string, string> = {};
			const mismatches: string[] = [];
			const requestCounts: number[] = [];

			for (const scenario of SCENARIOS) {
				for (const continueOnFail of [false, true]) {
					await fixture.client.clearFaults();
					await fixture.client.addFault({
						match: { route: listCase.route },
						action: scenario.action,
						times: scenario.times ?? 1,
						skip: listCase.skip,
					});
					const run = await runTrustpilot(fixture, credential, parameters, { continueOnFail });
					const verdict = judge(run, truth, listCase.idOf, continueOnFail);
					const key = `${scenario.name}${continueOnFail ? ' (continueOnFail)' : ''}`;
					verdicts[key] = verdict;
					if (verdict === 'complete')
						requestCounts.push(run.requests.filter((entry) => entry.status === 200).length);
					const wanted = scenario.expect === 'complete' ? 'complete' : 'clear error';
					if (verdict !== wanted)
						mismatches.push(
							`${key}: ${verdict} (wanted ${wanted}; ${run.items.length} items of ${truth.length})`,
						);
				}
			}
			await fixture.client.clearFaults();
			if (listCase.mode !== 'apiKey') {
				const { result: run, expired } = await expireTokensMidway(
					fixture.client,
					{ route: listCase.route },
					listCase.skip,
					() => runTrustpilot(fixture, credential, parameters),
				);
				verdicts['access token expired mid-list'] = expired
					? judge(run, truth, listCase.idOf, false)
					: 'not expired';
				if (verdicts['access token expired mid-list'] !== 'complete')
					mismatches.push(
						`access token expired mid-list: ${verdicts['access token expired mid-list']}`,
					);
			}

			reportMetrics(`return-all-${listCase.name.replace(/\W+/g, '-')}`, {
				items: truth.length,
				minimumRequests: Math.ceil(truth.length / (listCase.route.endsWith('/all') ? 1000 : 100)),
				successfulPageRequestsPerCompleteRun: [...new Set(requestCounts)],
				verdicts,
			});
			expect(truth.length).toBeGreaterThan(1000);
			expect(mismatches).toEqual([]);
		}, 240000);
	}
});
