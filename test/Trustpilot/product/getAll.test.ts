// Product › Get Many: the private catalogue in one request or ⌈N/10000⌉ until isLastPage, filters and Limit, the token guard.
import { callApi, requestToken } from '../../harness/emulatorClient';
import { trustpilotCredential } from '../../harness/fixtures';
import { catalogue, productsPath, runProduct, useProductEmulator } from './support';

const env = useProductEmulator();
const { emulator } = env;

describe('Get Many', () => {
	test('Return All reads the seeded catalogue in one request (perPage 10000)', async () => {
		const result = await runProduct(env, 'getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: productsPath(env),
			query: { perPage: '10000', page: '1' },
		});
		expect(String(result.requests[0].headers.authorization)).toMatch(/^Bearer /);
		expect(result.items.map((product) => product.sku).sort()).toEqual([...env.info.skus].sort());
		const stored = (await catalogue(env)).find((product) => product.sku === 'TEE-BLK-M');
		expect(result.items.find((product) => product.sku === 'TEE-BLK-M')).toEqual(stored);
	});

	test('Return All over 10,000+ products follows pages until isLastPage: ⌈N/10000⌉ requests', async () => {
		const token = await requestToken(
			emulator.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			env.info.account,
		);
		const bulk = Array.from({ length: 10050 }, (_, index) => ({
			sku: `BULK-${index}`,
			title: `Bulk item ${index}`,
		}));
		const seeded = await callApi(
			`${emulator.handle.apiUrl}/private/business-units/${env.buId}/products`,
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${token.json.access_token}`,
					apikey: env.info.account.apiKey,
					'content-type': 'application/json',
				},
				body: JSON.stringify({ products: bulk }),
			},
		);
		expect(seeded.status).toBe(200);
		const total = (await catalogue(env)).length;
		const result = await runProduct(env, 'getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(Math.ceil(total / 10000));
		expect(result.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(new Set(result.items.map((product) => product.sku)).size).toBe(total);
	});

	test('filters and a limit: SKUs normalised, group and locale passed, perPage = limit', async () => {
		const result = await runProduct(env, 'getAll', {
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
		const result = await runProduct(env, 'getAll', { returnAll: true }, { credential: apiKeyOnly });
		expect(result.error?.message).toBe(
			'This operation reads or changes private data, which needs an access token',
		);
		expect(result.allRequests).toHaveLength(0);
	});

	test('by domain, a bad Limit fails before the business unit is looked up: nothing is sent', async () => {
		const run = await runProduct(env, 'getAll', {
			businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
			returnAll: false,
			limit: 0,
		});
		expect(run.error?.message).toMatch(/^Limit: must be a whole number at least 1/);
		expect(run.requests).toHaveLength(0);
	});

	test('a filter an expression gave as an object, or a locale that is none, fails before any request', async () => {
		const result = await runProduct(
			env,
			'getAll',
			{ limit: 1, filters: { groupId: '={{ $json.group }}', locale: '={{ $json.locale }}' } },
			{
				input: [
					{ group: { id: 'apparel' }, locale: 'en-US' },
					{ group: 'apparel', locale: 'english' },
					{ group: 'apparel', locale: ' en-US ' },
				],
				continueOnFail: true,
			},
		);
		expect(result.items[0].error).toMatch(
			/^Filters → Group ID: must be text, but the value is an object/,
		);
		expect(result.items[1].error).toMatch(/^Filters → Locale: "english" is not a locale/);
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query).toMatchObject({ groupId: 'apparel', locale: 'en-US' });
	});
});
