// Product resource (the private catalogue) against the emulator: requests sent, items produced,
// isLastPage paging, upsert by SKU, retries and validation.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult } from '../../harness/engine';
import {
	callApi,
	requestToken,
	type EmulatorInfo,
	type JsonObject,
	type LoggedRequest,
} from '../../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type TestCredential } from '../../harness/fixtures';

const emulator = useEmulator();
let info: EmulatorInfo;
let buId: string;
let clientCredentials: TestCredential;

beforeEach(async () => {
	info = await emulator.client.info();
	buId = info.mainBusinessUnit.id;
	clientCredentials = await trustpilotCredential(emulator, 'clientCredentials');
});

interface Run {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	requests: LoggedRequest[];
	allRequests: LoggedRequest[];
	error: Error | undefined;
}

async function run(
	operation: string,
	parameters: INodeParameters,
	options: { credential?: TestCredential; input?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<Run> {
	const credential = options.credential ?? clientCredentials;
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: {
				resource: 'product',
				operation,
				businessUnit: { __rl: true, mode: 'id', value: buId },
				...parameters,
			},
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
		error: result.error ?? result.nodeError('Trustpilot'),
	};
}

const catalogue = async (): Promise<JsonObject[]> => (await emulator.client.state()).products;
const productsPath = () => `/v1/private/business-units/${buId}/products`;

describe('Get Many', () => {
	test('Return All reads the seeded catalogue in one request (perPage 10000)', async () => {
		const result = await run('getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: productsPath(),
			query: { perPage: '10000', page: '1' },
		});
		expect(String(result.requests[0].headers.authorization)).toMatch(/^Bearer /);
		expect(result.items.map((product) => product.sku).sort()).toEqual([...info.skus].sort());
		const stored = (await catalogue()).find((product) => product.sku === 'TEE-BLK-M');
		expect(result.items.find((product) => product.sku === 'TEE-BLK-M')).toEqual(stored);
	});

	test('Return All over 10,000+ products follows pages until isLastPage: ⌈N/10000⌉ requests', async () => {
		const token = await requestToken(
			emulator.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			info.account,
		);
		const bulk = Array.from({ length: 10050 }, (_, index) => ({
			sku: `BULK-${index}`,
			title: `Bulk item ${index}`,
		}));
		const seeded = await callApi(
			`${emulator.handle.apiUrl}/private/business-units/${buId}/products`,
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${token.json.access_token}`,
					apikey: info.account.apiKey,
					'content-type': 'application/json',
				},
				body: JSON.stringify({ products: bulk }),
			},
		);
		expect(seeded.status).toBe(200);
		const total = (await catalogue()).length;
		const result = await run('getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(Math.ceil(total / 10000));
		expect(result.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(new Set(result.items.map((product) => product.sku)).size).toBe(total);
	});

	test('filters and a limit: SKUs normalised, group and locale passed, perPage = limit', async () => {
		const result = await run('getAll', {
			limit: 1,
			filters: { skus: ' TEE-BLK-M , HOOD-GRY-L,', groupId: 'apparel', locale: 'en-US' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query).toEqual({
			skus: 'TEE-BLK-M,HOOD-GRY-L',
			groupId: 'apparel',
			locale: 'en-US',
			perPage: '1',
			page: '1',
		});
		expect(result.items).toHaveLength(1);
		expect(['TEE-BLK-M', 'HOOD-GRY-L']).toContain(result.items[0].sku);
	});

	test('an API-key-only credential fails before any request', async () => {
		const apiKeyOnly = await trustpilotCredential(emulator, 'apiKey');
		const result = await run('getAll', { returnAll: true }, { credential: apiKeyOnly });
		expect(result.error?.message).toBe(
			'This operation reads or changes private data, which needs an access token',
		);
		expect(result.allRequests).toHaveLength(0);
	});
});
