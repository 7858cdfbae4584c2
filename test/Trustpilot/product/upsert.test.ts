// Product › Create or Update: one product per item by SKU (checked in the emulator's catalogue), retried 503, field errors.
import type { JsonObject } from '../../harness/emulatorClient';
import { catalogue, productsPath, runProduct, useProductEmulator } from './support';

const env = useProductEmulator();
const { emulator } = env;

describe('Create or Update', () => {
	const hatFields = {
		link: 'https://www.example.com/products/beanie',
		imageLink: 'https://www.example.com/images/beanie.jpg',
		price: '18.50',
		currency: 'eur',
		gtin: '5700000123456',
		brand: 'Example Basics',
		groupId: 'accessories',
		variationAttributes: { attribute: [{ name: 'colour', value: 'red' }] },
	};

	test('one product per input item: a new SKU is created, an existing one updated', async () => {
		const before = (await catalogue(env)).find(
			(product) => product.sku === 'MUG-CER-01',
		) as JsonObject;
		const result = await runProduct(
			env,
			'upsert',
			{ sku: '={{ $json.sku }}', title: '={{ $json.title }}', additionalFields: hatFields },
			{
				input: [
					{ sku: 'HAT-RED-01', title: 'Red Beanie' },
					{ sku: 'MUG-CER-01', title: 'Ceramic Mug (new glaze)' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
		expect(
			result.requests.every(
				(request) => request.method === 'POST' && request.path === productsPath(env),
			),
		).toBe(true);
		expect(result.requests[0].body).toEqual({
			products: [
				{
					sku: 'HAT-RED-01',
					title: 'Red Beanie',
					brand: 'Example Basics',
					groupId: 'accessories',
					link: hatFields.link,
					imageLink: hatFields.imageLink,
					price: '18.50',
					currency: 'EUR',
					gtin: '5700000123456',
					variationAttributes: { colour: 'red' },
				},
			],
		});
		const after = await catalogue(env);
		const hat = after.find((product) => product.sku === 'HAT-RED-01');
		const mug = after.find((product) => product.sku === 'MUG-CER-01') as JsonObject;
		expect(hat).toMatchObject({ title: 'Red Beanie', price: '18.50', currency: 'EUR' });
		expect(mug).toMatchObject({ id: before.id, title: 'Ceramic Mug (new glaze)' });
		expect(after).toHaveLength(env.info.skus.length + 1);
		expect(result.items).toEqual([hat, mug]);
		expect(result.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('idempotent by SKU: a 503 is retried and still leaves one product', async () => {
		await emulator.client.addFault({
			match: { method: 'POST', pathRegex: '/products$' },
			action: { status: 503, headers: { 'Retry-After': '0' }, afterProcess: true },
			times: 1,
		});
		const result = await runProduct(env, 'upsert', { sku: 'HAT-RED-01', title: 'Red Beanie' });
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.status)).toEqual([503, 200]);
		expect((await catalogue(env)).filter((product) => product.sku === 'HAT-RED-01')).toHaveLength(
			1,
		);
	});

	test('invalid fields fail naming the field; continueOnFail saves the valid item', async () => {
		const result = await runProduct(
			env,
			'upsert',
			{
				sku: '={{ $json.sku }}',
				title: 'Socks',
				additionalFields: { price: '={{ $json.price }}' },
			},
			{
				input: [
					{ sku: 'SOCK-X', price: '12,50' },
					{ sku: 'SOCK-Y', price: '12.50' },
				],
				continueOnFail: true,
			},
		);
		expect(result.items[0].error).toBe(
			'Price: "12,50" is not a price; use digits and a dot, e.g. 24.95',
		);
		expect(result.items[1]).toMatchObject({ sku: 'SOCK-Y', price: '12.50' });
		expect(result.requests).toHaveLength(1);

		const badUrl = await runProduct(env, 'upsert', {
			sku: 'SOCK-Z',
			title: 'Socks',
			additionalFields: { link: 'www.example.com/socks' },
		});
		expect(badUrl.error?.message).toBe('Product URL: "www.example.com/socks" is not a web address');
		expect(badUrl.requests).toHaveLength(0);
		const noSku = await runProduct(env, 'upsert', { sku: ' ', title: 'Socks' });
		expect(noSku.error?.message).toBe('SKU: is required and was empty');
		expect(noSku.requests).toHaveLength(0);
	});

	test('by domain, an invalid field fails before the business unit is looked up: nothing is sent', async () => {
		const run = await runProduct(env, 'upsert', {
			businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
			sku: 'TEE-1',
			title: 'T-Shirt',
			additionalFields: { price: '24,95' },
		});
		expect(run.error?.message).toMatch(/^Price: "24,95" is not a price/);
		expect(run.requests).toHaveLength(0);
	});

	test('SKU Is Google Merchant Center ID given as text by an expression is sent as the switch', async () => {
		const result = await runProduct(
			env,
			'upsert',
			{
				sku: '={{ $json.sku }}',
				title: 'Socks',
				additionalFields: { skuSameAsGoogleMerchantCenterProductId: '={{ $json.same }}' },
			},
			{
				input: [
					{ sku: 'SOCK-A', same: 'true' },
					{ sku: 'SOCK-B', same: 'yes please' },
					{ sku: 'SOCK-C', same: 'false' },
				],
				continueOnFail: true,
			},
		);
		expect(result.items[1].error).toMatch(
			/^Additional Fields → SKU Is Google Merchant Center ID: must be true or false/,
		);
		expect(
			result.requests.map(
				(request) =>
					(request.body as { skuSameAsGoogleMerchantCenterProductId?: boolean })
						.skuSameAsGoogleMerchantCenterProductId,
			),
		).toEqual([true, undefined]);
	});

	test('a text field an expression gave as an object fails naming the field as the editor shows it', async () => {
		const result = await runProduct(
			env,
			'upsert',
			{
				sku: 'SOCK-Q',
				title: 'Socks',
				additionalFields: {
					brand: '={{ $json.brand }}',
					googleMerchantCenterProductId: '={{ $json.gmc }}',
				},
			},
			{
				input: [
					{ brand: { name: 'Acme' }, gmc: 'x' },
					{ brand: 'Acme', gmc: ['a'] },
				],
				continueOnFail: true,
			},
		);
		expect(result.items[0].error).toBe('Brand: must be text, but the value is an object');
		expect(result.items[1].error).toBe(
			'Google Merchant Center Product ID: must be text, but the value is a list',
		);
		expect(result.requests).toHaveLength(0);
	});
});
