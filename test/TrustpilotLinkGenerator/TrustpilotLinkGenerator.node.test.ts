import type { IDataObject } from 'n8n-workflow';

import { decryptBglPayload } from '../../nodes/TrustpilotLinkGenerator/bglCrypto';
import { TrustpilotLinkGenerator } from '../../nodes/TrustpilotLinkGenerator/TrustpilotLinkGenerator.node';
import { GENERATE_FROM_ITEM, runLinkGenerator, type BglKeys } from './helpers';
import { DERIVED_FULL, NUGET } from './vectors';

const KEYS: BglKeys = {
	domain: 'shop.example.com',
	encryptKey: DERIVED_FULL.encryptKey,
	authKey: DERIVED_FULL.authKey,
};
const ORDER = {
	email: 'ana@example.org',
	name: 'Ana Núñez 山田',
	ref: 'ORD-1042',
	skus: 'SKU-1,SKU-2',
	tags: 'web,summer-2024',
};

function payloadOf(url: string, keys: BglKeys = KEYS): IDataObject {
	const p = new URL(url).searchParams.get('p') ?? '';
	return JSON.parse(decryptBglPayload(p, keys.encryptKey, keys.authKey)) as IDataObject;
}

function errorDetails(error: Error | undefined) {
	const nodeError = error as
		| (Error & { description?: string; context?: { itemIndex?: number } })
		| undefined;
	return {
		message: nodeError?.message,
		description: nodeError?.description,
		itemIndex: nodeError?.context?.itemIndex,
	};
}

describe('Generate Link', () => {
	it('outputs the link and the fields a mail or CRM node needs, one item per input, paired', async () => {
		const input = [ORDER, { email: 'bo@example.org', name: 'Bo', ref: 77 }];
		const { output, error } = await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, input);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [first, second] = output.map((item) => item.json);
		expect(Object.keys(first)).toEqual([
			'url',
			'email',
			'name',
			'referenceNumber',
			'domain',
			'tags',
			'skus',
		]);
		expect(first).toMatchObject({
			email: ORDER.email,
			name: ORDER.name,
			referenceNumber: ORDER.ref,
			domain: KEYS.domain,
			tags: ['web', 'summer-2024'],
			skus: ['SKU-1', 'SKU-2'],
		});
		expect(first.url).toMatch(
			/^https:\/\/www\.trustpilot\.com\/evaluate-bgl\/shop\.example\.com\?p=[A-Za-z0-9%]+$/,
		);
		expect(JSON.stringify(payloadOf(first.url as string))).toBe(
			'{"email":"ana@example.org","name":"Ana Núñez 山田","ref":"ORD-1042","skus":["SKU-1","SKU-2"],"tags":["web","summer-2024"]}',
		);
		expect(second).toMatchObject({ referenceNumber: '77', tags: [], skus: [] });
		expect(JSON.stringify(payloadOf(second.url as string))).toBe(
			'{"email":"bo@example.org","name":"Bo","ref":"77"}',
		);
	});

	it('never outputs the keys', async () => {
		const { output } = await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, [ORDER]);
		const text = JSON.stringify(output);
		expect(text).not.toContain(KEYS.encryptKey);
		expect(text).not.toContain(KEYS.authKey);
		expect(text).not.toContain(Buffer.from(KEYS.encryptKey, 'base64').toString('hex'));
	});

	it('localizes the link with the chosen country site and accepts lists from expressions', async () => {
		const { output } = await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, [
			{ ...ORDER, countrySite: 'de', skus: ['A 1', 'B'], tags: ['x', 'y'] },
			{ ...ORDER, countrySite: 'NL-BE' },
		]);
		expect(output[0].json.url).toMatch(
			/^https:\/\/de\.trustpilot\.com\/evaluate-bgl\/shop\.example\.com\?p=/,
		);
		expect(payloadOf(output[0].json.url as string)).toMatchObject({
			skus: ['A 1', 'B'],
			tags: ['x', 'y'],
		});
		expect(output[1].json.url).toMatch(/^https:\/\/nl-be\.trustpilot\.com\//);
	});

	it('uses the bare domain when the credential holds a pasted URL', async () => {
		const { output } = await runLinkGenerator(
			{ ...KEYS, domain: ' https://Shop.Example.com/ ' },
			GENERATE_FROM_ITEM,
			[ORDER],
		);
		expect(output[0].json.domain).toBe('shop.example.com');
		expect(output[0].json.url).toMatch(/\/evaluate-bgl\/shop\.example\.com\?p=/);
	});

	it.each([
		[{ email: 'not-an-email' }, 'Customer Email: "not-an-email" is not a valid email address'],
		[{ name: '  ' }, 'Customer Name: is required and was empty'],
		[{ ref: '' }, 'Reference Number: is required and was empty'],
		[{ tags: 'ok,two words' }, 'Tags: the tag "two words" contains a space'],
		[{ countrySite: 'trustpilot.de' }, 'Country Site: "trustpilot.de" is not a Trustpilot site'],
	])('rejects %j with an item-level error', async (change, message) => {
		const input = [ORDER, { ...ORDER, ...change }];
		const { output, error } = await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, input);
		expect(output).toEqual([]);
		expect(errorDetails(error)).toMatchObject({ message, itemIndex: 1 });
	});

	it('with continue on fail, returns the bad item as an error item and processes the rest', async () => {
		const input = [ORDER, { ...ORDER, email: 'broken@' }, { ...ORDER, ref: 'ORD-2' }];
		const { output, error } = await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, input, {
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toEqual({
			error: 'Customer Email: "broken@" is not a valid email address',
			details: 'Check the "Customer Email" parameter of item 2.',
		});
		expect(payloadOf(output[2].json.url as string).ref).toBe('ORD-2');
	});

	it('with continue on fail, an error item names the item and the field for any bad value', async () => {
		const input = [
			{ ...ORDER, name: { first: 'Ana' } },
			ORDER,
			{ ...ORDER, tags: ['ok', ['nested']] },
			{ ...ORDER, email: true },
		];
		const { output, error } = await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, input, {
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output[0].json.error).toBe('Customer Name: must be text, but the value is an object');
		expect(output[0].json.details).toMatch(/item 1\b/);
		expect(payloadOf(output[1].json.url as string).ref).toBe('ORD-1042');
		expect(output[2].json.error).toBe('Tags #2: must be text, but the value is a list');
		expect(output[2].json.details).toMatch(/item 3\b/);
		expect(output[3].json.error).toBe(
			'Customer Email: must be text, but the value is the boolean true',
		);
		expect(output[3].json.details).toMatch(/item 4\b/);
	});

	it('reports a malformed credential on the item, naming the key but not showing it', async () => {
		const shortKey = Buffer.alloc(16, 7).toString('base64');
		const { error } = await runLinkGenerator({ ...KEYS, authKey: shortKey }, GENERATE_FROM_ITEM, [
			ORDER,
		]);
		const details = errorDetails(error);
		expect(details).toMatchObject({
			message:
				'Credential: The authentication key decodes to 16 bytes, but Business Generated Links keys are 32 bytes (44 base64 characters)',
			itemIndex: 0,
		});
		expect(JSON.stringify(details)).not.toContain(shortKey);

		const { output } = await runLinkGenerator(
			{ ...KEYS, domain: 'not a domain' },
			GENERATE_FROM_ITEM,
			[ORDER, ORDER],
			{
				continueOnFail: true,
			},
		);
		expect(output.map((item) => item.json.error)).toEqual([
			'Credential: The domain "not a domain" is not a bare domain; enter it as on Trustpilot, e.g. example.com',
			'Credential: The domain "not a domain" is not a bare domain; enter it as on Trustpilot, e.g. example.com',
		]);
	});
});

describe('Decode Link', () => {
	async function generate(order: IDataObject, keys: BglKeys = KEYS): Promise<string> {
		const { output } = await runLinkGenerator(keys, GENERATE_FROM_ITEM, [order]);
		return output[0].json.url as string;
	}

	const DECODE = { operation: 'decode', link: '={{ $json.link }}' };

	it('returns the verified JSON of a link, of its payload, and of a percent-encoded or form-decoded payload', async () => {
		const url = await generate(ORDER);
		const encoded = url.slice(url.indexOf('?p=') + 3);
		const raw = decodeURIComponent(encoded);
		const input = [url, raw, encoded, raw.replace(/\+/g, ' '), `${url}&utm_source=mail`].map(
			(link) => ({ link }),
		);
		const { output, error } = await runLinkGenerator(KEYS, DECODE, input);
		expect(error).toBeUndefined();
		const expected = {
			email: ORDER.email,
			name: ORDER.name,
			referenceNumber: ORDER.ref,
			skus: ['SKU-1', 'SKU-2'],
			tags: ['web', 'summer-2024'],
		};
		expect(output.map((item) => item.json)).toEqual(input.map(() => expected));
		expect(output.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	});

	it('names every field of a decoded link as Generate names it, so Decode output feeds Generate', async () => {
		const made = (await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, [ORDER])).output[0].json;
		const { output } = await runLinkGenerator(KEYS, DECODE, [{ link: made.url }]);
		const decoded = output[0].json;
		for (const field of ['email', 'name', 'referenceNumber', 'skus', 'tags'])
			expect(decoded[field]).toEqual(made[field]);
		expect(Object.keys(decoded).filter((key) => !(key in made))).toEqual([]);
	});

	it('restores a leading + that form decoding turned into a space', async () => {
		// Whether a payload starts with "+" depends on the random IV (about 1 link in 64): make many at once.
		const orders = Array.from({ length: 1500 }, (_, index) => ({
			email: 'a@example.org',
			name: 'A',
			ref: String(index),
		}));
		const links = (await runLinkGenerator(KEYS, GENERATE_FROM_ITEM, orders)).output.map((item) =>
			String(item.json.url),
		);
		const payload =
			links
				.map((url) => decodeURIComponent(url.slice(url.indexOf('?p=') + 3)))
				.find((p) => p.startsWith('+')) ?? '';
		expect(payload.startsWith('+')).toBe(true);
		const { output, error } = await runLinkGenerator(KEYS, DECODE, [
			{ link: payload.replace(/\+/g, ' ') },
		]);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ email: 'a@example.org', name: 'A' });
	});

	it('decodes the reference link with its keys', async () => {
		const keys = {
			domain: DERIVED_FULL.domain,
			encryptKey: DERIVED_FULL.encryptKey,
			authKey: DERIVED_FULL.authKey,
		};
		const { output } = await runLinkGenerator(keys, DECODE, [{ link: DERIVED_FULL.link }]);
		// Trustpilot's `ref` comes out under the name Generate uses for it.
		const { ref, ...rest } = JSON.parse(DERIVED_FULL.plaintext) as { ref: string };
		expect(ref).toBeTruthy();
		expect(output[0].json).toEqual({ ...rest, referenceNumber: ref });
		expect(output[0].json).not.toHaveProperty('ref');
	});

	it('rejects tampered, foreign and non-JSON links with clear errors, item by item', async () => {
		const url = await generate(ORDER);
		const p = decodeURIComponent(url.slice(url.indexOf('?p=') + 3));
		const bytes = Buffer.from(p, 'base64');
		bytes[20] ^= 0x04;
		const tampered = `https://www.trustpilot.com/evaluate-bgl/shop.example.com?p=${encodeURIComponent(bytes.toString('base64'))}`;
		const otherKeys = { ...KEYS, encryptKey: NUGET.encryptKey, authKey: NUGET.authKey };
		const foreignKeys = await generate(ORDER, otherKeys);
		const otherDomain = url.replace('shop.example.com', 'other.example.com');
		// About ten characters cut off the payload, but never inside a %XX escape: with some random
		// IVs the cut split one, and the link then failed earlier, on its percent-encoding.
		let cut = url.length - 10;
		while (/%[0-9A-F]?$/i.test(url.slice(0, cut))) cut -= 1;
		const truncated = url.slice(0, cut);
		const input = [
			tampered,
			foreignKeys,
			otherDomain,
			NUGET.payload,
			truncated,
			'https://example.com/page',
			url,
		].map((link) => ({ link }));
		const { output } = await runLinkGenerator(KEYS, DECODE, input, { continueOnFail: true });
		expect(output.map((item) => item.json.error)).toEqual([
			'Link: The link payload failed authentication: it was changed, or it was made with a different authentication key',
			'Link: The link payload failed authentication: it was changed, or it was made with a different authentication key',
			'Link: the link is for other.example.com, but the credential is for shop.example.com',
			'Link: The link payload failed authentication: it was changed, or it was made with a different authentication key',
			expect.stringMatching(/^Link: The link payload (is not base64 text|has \d+ bytes)/),
			'Link: The link is not a Trustpilot review link (…/evaluate-bgl/<domain>?p=…)',
			undefined,
		]);
		expect(output[6].json.referenceNumber).toBe(ORDER.ref);
	});

	it('says when the link an expression gave is no text, item by item', async () => {
		const url = await generate(ORDER);
		const { output } = await runLinkGenerator(
			KEYS,
			DECODE,
			[{ link: { url } }, { link: url }, { link: [url] }],
			{ continueOnFail: true },
		);
		expect(output.map((item) => item.json.error)).toEqual([
			'Link: must be text, but the value is an object',
			undefined,
			'Link: must be text, but the value is a list',
		]);
		expect(output[0].json.details).toMatch(/item 1\b/);
		expect(output[1].json).toMatchObject({ email: ORDER.email, referenceNumber: ORDER.ref });
	});

	it('says when an authentic payload is not a JSON object', async () => {
		const keys = { domain: 'x.com', encryptKey: NUGET.encryptKey, authKey: NUGET.authKey };
		const { error } = await runLinkGenerator(keys, DECODE, [{ link: NUGET.payload }]);
		expect(errorDetails(error)).toMatchObject({
			message: 'Link: the payload is authentic but is not a JSON object',
			itemIndex: 0,
		});
	});
});

describe('credential test (node-side, no HTTP)', () => {
	const test = new TrustpilotLinkGenerator().methods.credentialTest.trustpilotBusinessLinksTest;
	const call = async (data: IDataObject) =>
		await test.call({} as never, {
			id: '1',
			name: 'BGL',
			type: 'trustpilotBusinessLinksApi',
			data: data as never,
		});

	it('accepts a domain and two 32-byte keys', async () => {
		expect(
			await call({
				domain: 'example.com',
				encryptSecretKey: KEYS.encryptKey,
				authSecretKey: KEYS.authKey,
			}),
		).toEqual({
			status: 'OK',
			message:
				'Domain and keys are well-formed for example.com. Trustpilot checks the keys when a customer opens a link.',
		});
	});

	it('says which field is wrong', async () => {
		const valid = {
			domain: 'example.com',
			encryptSecretKey: KEYS.encryptKey,
			authSecretKey: KEYS.authKey,
		};
		expect(await call({ ...valid, encryptSecretKey: 'abc=' })).toEqual({
			status: 'Error',
			message:
				'The encrypt key decodes to 2 bytes, but Business Generated Links keys are 32 bytes (44 base64 characters)',
		});
		expect(await call({ ...valid, authSecretKey: '' })).toEqual({
			status: 'Error',
			message: 'The authentication key is empty',
		});
		expect(await call({ ...valid, domain: '' })).toEqual({
			status: 'Error',
			message: 'The domain is empty; enter your domain as on Trustpilot, e.g. example.com',
		});
	});
});
