// Business Unit resource against the emulator: every operation's request (host, path, query)
// and output items, cursor and page pagination costs, and the private-data guard.
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { runNode, type RunResult } from '../harness/engine';
import type { EmulatorInfo, LoggedRequest } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';

// Read-only operations: one seeded state serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;
let buId: string;

interface Run {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	requests: LoggedRequest[];
	allRequests: LoggedRequest[];
}

async function runBusinessUnit(
	operation: string,
	parameters: INodeParameters,
	options: {
		mode?: AuthMode;
		input?: IDataObject[];
		continueOnFail?: boolean;
		overrides?: ICredentialDataDecryptedObject;
	} = {},
): Promise<Run> {
	const credential = await trustpilotCredential(
		emulator,
		options.mode ?? 'apiKey',
		options.overrides ?? {},
	);
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource: 'businessUnit', operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail: options.continueOnFail,
		},
		options.input ?? [{}],
		credential.store,
	);
	const allRequests = await emulator.client.requests();
	return {
		result,
		items: result.output.map((item) => item.json),
		requests: allRequests.filter((request) => !request.path.includes('/oauth/')),
		allRequests,
	};
}

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const errorOf = (run: Run) => run.result.error ?? run.result.nodeError('Trustpilot');

/** Every business unit on the emulator, read once with Return All (the ground truth below). */
let everyUnit: IDataObject[];
let everyUnitRun: Run;

beforeAll(async () => {
	info = await emulator.client.info();
	buId = info.mainBusinessUnit.id;
	everyUnitRun = await runBusinessUnit('getAll', { returnAll: true });
	everyUnit = everyUnitRun.items;
});

describe('Get Many (/business-units/all, cursor)', () => {
	test('Return All reads every business unit in ⌈N/1000⌉ requests, following the cursor', () => {
		const total = info.publicBusinessUnitCount;
		expect(total).toBeGreaterThan(2000);
		expect(errorOf(everyUnitRun)).toBeUndefined();
		expect(everyUnit).toHaveLength(total);
		expect(new Set(everyUnit.map((unit) => unit.id)).size).toBe(total);
		const { requests } = everyUnitRun;
		expect(requests).toHaveLength(Math.ceil(total / 1000));
		expect(requests.every((request) => request.method === 'GET' && request.host === 'api')).toBe(
			true,
		);
		expect(
			requests.every(
				(request) => request.path === '/v1/business-units/all' && request.query.perPage === '1000',
			),
		).toBe(true);
		expect(requests[0].query.cursor).toBeUndefined();
		expect(requests.slice(1).every((request) => typeof request.query.cursor === 'string')).toBe(
			true,
		);
		for (const unit of info.businessUnits)
			expect(everyUnit.map((item) => item.id)).toContain(unit.id);
	});

	test('country filter: codes are normalised, only those countries come back', async () => {
		const expected = everyUnit.filter((unit) => unit.country === 'DK' || unit.country === 'SE');
		const run = await runBusinessUnit('getAll', {
			returnAll: true,
			filters: { country: 'dk, se' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.every((request) => request.query.country === 'DK,SE')).toBe(true);
		expect(run.requests).toHaveLength(Math.ceil(expected.length / 1000));
		expect(run.items.map((unit) => unit.id).sort()).toEqual(expected.map((unit) => unit.id).sort());
	});

	test('Limit 30 costs one request with perPage 30', async () => {
		const run = await runBusinessUnit('getAll', { returnAll: false, limit: 30 });
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toEqual({ perPage: '30' });
		expect(run.items.map((unit) => unit.id)).toEqual(everyUnit.slice(0, 30).map((unit) => unit.id));
	});

	test('a bad country code fails before any request', async () => {
		const run = await runBusinessUnit('getAll', {
			returnAll: true,
			filters: { country: 'US,Denmark' },
		});
		expect(errorOf(run)?.message).toBe('Countries: "Denmark" is not a two-letter country code');
		expect(run.allRequests).toHaveLength(0);
	});
});

describe('Search', () => {
	const matches = (unit: IDataObject, query: string) => {
		const name = unit.name as { identifying: string; referring: string[] };
		const texts = [String(unit.displayName), name.identifying, ...name.referring].map((text) =>
			text.toLowerCase(),
		);
		return texts.some((text) => text.includes(query));
	};

	test('Return All pages with the lower-case perpage parameter until a short page', async () => {
		const expected = everyUnit.filter((unit) => unit.country === 'DE' && matches(unit, '1'));
		expect(expected.length).toBeGreaterThan(100);
		const run = await runBusinessUnit('search', {
			query: '1',
			returnAll: true,
			filters: { country: 'de' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.items.map((unit) => unit.id).sort()).toEqual(expected.map((unit) => unit.id).sort());
		expect(run.requests).toHaveLength(Math.floor(expected.length / 100) + 1);
		expect(run.requests.map((request) => request.query)).toEqual(
			run.requests.map((_, index) => ({
				query: '1',
				country: 'DE',
				perpage: '100',
				page: String(index + 1),
			})),
		);
		expect(run.requests.every((request) => request.path === '/v1/business-units/search')).toBe(
			true,
		);
	});

	test('Limit finds the main business unit by its domain in one request', async () => {
		const run = await runBusinessUnit('search', {
			query: info.mainBusinessUnit.domain,
			returnAll: false,
			limit: 5,
		});
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toEqual({
			query: info.mainBusinessUnit.domain,
			perpage: '5',
			page: '1',
		});
		expect(run.items.map((unit) => unit.id)).toContain(buId);
		expect(run.items.every((unit) => matches(unit, info.mainBusinessUnit.domain))).toBe(true);
	});
});

describe('single business unit', () => {
	test('Find by domain and Get by ID return the same company', async () => {
		const found = await runBusinessUnit('find', { name: info.mainBusinessUnit.domain });
		expect(found.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/business-units/find',
		});
		expect(found.requests[0].query).toEqual({ name: info.mainBusinessUnit.domain });
		const got = await runBusinessUnit('get', { businessUnit: byId(buId) });
		expect(got.requests[0].path).toBe(`/v1/business-units/${buId}`);
		expect(found.items).toEqual(got.items);
		expect(got.items[0]).toMatchObject({
			id: buId,
			displayName: info.mainBusinessUnit.displayName,
		});
	});

	test('Get Profile Info: GET /profileinfo with an API key', async () => {
		const run = await runBusinessUnit('getProfileInfo', { businessUnit: byId(buId) });
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${buId}/profileinfo`,
			status: 200,
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ isClaimed: true, address: { countryCode: 'US' } });
	});

	test("Get Private: needs a token, returns the owner's view with locations", async () => {
		const run = await runBusinessUnit(
			'getPrivate',
			{ businessUnit: byId(buId) },
			{ mode: 'clientCredentials' },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/private/business-units/${buId}`,
		});
		expect(String(run.requests[0].headers.authorization)).toMatch(/^Bearer /);
		expect(run.items[0]).toMatchObject({ id: buId, locations: info.locations });
	});

	test('Get Private with API Key Only fails before any request', async () => {
		const run = await runBusinessUnit('getPrivate', { businessUnit: byId(buId) });
		expect(errorOf(run)?.message).toMatch(/needs an access token/);
		expect(run.allRequests).toHaveLength(0);
	});

	test("Get Private of another account's business unit: a readable 403", async () => {
		const run = await runBusinessUnit(
			'getPrivate',
			{ businessUnit: byId(info.otherAccount.businessUnitId) },
			{ mode: 'clientCredentials' },
		);
		const error = errorOf(run) as Error & { httpCode?: string };
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/refused access/);
	});

	test('Get Web Links: locale is sent; a missing locale fails before sending', async () => {
		const run = await runBusinessUnit('getWebLinks', { businessUnit: byId(buId), locale: 'da-DK' });
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${buId}/web-links`,
		});
		expect(run.requests[0].query).toEqual({ locale: 'da-DK' });
		expect(run.items[0]).toMatchObject({ locale: 'da-DK' });
		expect(String(run.items[0].profileUrl)).toContain(info.mainBusinessUnit.domain);

		const missing = await runBusinessUnit('getWebLinks', {
			businessUnit: byId(buId),
			locale: '={{ $json.locale }}',
		});
		expect(errorOf(missing)?.message).toBe('Locale: is required and was empty');
		expect(missing.allRequests).toHaveLength(0);
	});

	test('Get Categories: one item per category, country and locale passed on', async () => {
		const run = await runBusinessUnit('getCategories', {
			businessUnit: byId(buId),
			options: { country: 'us', locale: 'en-US' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${buId}/categories`,
		});
		expect(run.requests[0].query).toEqual({ country: 'US', locale: 'en-US' });
		// The seeded main business unit is a clothing and a shoe store.
		expect(run.items.map((category) => category.categoryId)).toEqual([
			'clothing_store',
			'shoe_store',
		]);
		expect(run.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('continueOnFail: an unknown ID becomes an error item, the next item still runs', async () => {
		const run = await runBusinessUnit(
			'getProfileInfo',
			{ businessUnit: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ continueOnFail: true, input: [{ id: '0123456789abcdef01234567' }, { id: buId }] },
		);
		expect(run.items).toHaveLength(2);
		expect(run.items[0]).toMatchObject({ httpCode: '404' });
		expect(run.items[1]).toMatchObject({ isClaimed: true });
		expect(run.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
