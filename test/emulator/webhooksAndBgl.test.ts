import { createCipheriv, createHmac, randomBytes } from 'crypto';

import { startEmulator, type EmulatorHandle } from '../harness/emulator.cjs';
import {
	callApi,
	EmulatorClient,
	type EmulatorInfo,
	type JsonObject,
} from '../harness/emulatorClient';
import { startHttpSink, type HttpSink } from '../harness/httpSink.cjs';
import vectors from '../TrustpilotLinkGenerator/vectors.json';

let emulator: EmulatorHandle;
let admin: EmulatorClient;
let info: EmulatorInfo;
let sink: HttpSink;

beforeAll(async () => {
	emulator = await startEmulator();
	admin = new EmulatorClient(emulator.adminUrl);
	sink = await startHttpSink({ status: 200, body: 'received' });
});

afterAll(async () => {
	await sink?.close();
	await emulator?.stop();
});

beforeEach(async () => {
	info = await admin.reset();
	sink.received.length = 0;
});

describe('webhook firing', () => {
	async function someTaggedReview(): Promise<JsonObject> {
		const { reviews } = await admin.addReviews({
			businessUnitId: info.mainBusinessUnit.id,
			stars: 4,
			title: 'Hooked',
			text: 'Webhook me',
			referenceId: 'ORD-HOOK',
			email: 'hook@example.org',
			tags: [{ group: 'generic', value: 'hooked' }],
		});
		return reviews[0];
	}

	it('posts a service-review-created event built from a stored review, with Basic auth from the URL', async () => {
		const review = await someTaggedReview();
		const target = `http://hookuser:s3cret@127.0.0.1:${sink.port}/incoming?source=tp`;
		const reply = await admin.fireWebhook({ url: target, reviewId: String(review.id) });
		expect(reply).toEqual({ status: 200, body: 'received' });
		expect(sink.received).toHaveLength(1);
		const [delivery] = sink.received;
		expect(delivery.method).toBe('POST');
		expect(delivery.path).toBe('/incoming?source=tp');
		expect(delivery.headers['content-type']).toBe('application/json');
		expect(delivery.headers.authorization).toBe(
			`Basic ${Buffer.from('hookuser:s3cret').toString('base64')}`,
		);
		const body = JSON.parse(delivery.body);
		const consumer = review.consumer as { id: string; displayName: string };
		expect(body).toEqual({
			events: [
				{
					eventName: 'service-review-created',
					version: '1',
					eventData: {
						id: review.id,
						language: 'en',
						title: 'Hooked',
						text: 'Webhook me',
						referenceId: 'ORD-HOOK',
						stars: 4,
						createdAt: review.createdAt,
						isVerified: true,
						locationId: null,
						link: `${emulator.apiUrl}/reviews/${review.id}`,
						consumer: {
							id: consumer.id,
							name: consumer.displayName,
							link: `${emulator.apiUrl}/consumers/${consumer.id}`,
						},
						tags: [{ group: 'generic', value: 'hooked' }],
					},
				},
			],
		});
		expect(delivery.body).not.toContain('hook@example.org');
	});

	it('fires updated, deleted, product and explicit events, and relays the receiver status', async () => {
		const review = await someTaggedReview();
		await admin.fireWebhook({
			url: sink.url,
			reviewId: String(review.id),
			eventName: 'service-review-updated',
		});
		await admin.fireWebhook({
			url: sink.url,
			reviewId: 'abcdefabcdefabcdefabcdef',
			eventName: 'service-review-deleted',
		});
		const { productReviews } = await admin.addProductReviews({
			businessUnitId: info.mainBusinessUnit.id,
			sku: info.skus[0],
			stars: 5,
		});
		await admin.fireWebhook({ url: sink.url, reviewId: String(productReviews[0].id) });
		await admin.fireWebhook({
			url: sink.url,
			events: [{ eventName: 'custom-event', eventData: { a: 1 } }],
		});
		const events = sink.received.map((delivery) => JSON.parse(delivery.body).events[0]);
		expect(events[0]).toMatchObject({
			eventName: 'service-review-updated',
			eventData: { id: review.id },
		});
		expect(events[1]).toEqual({
			eventName: 'service-review-deleted',
			version: '1',
			eventData: { id: 'abcdefabcdefabcdefabcdef' },
		});
		expect(events[2]).toMatchObject({
			eventName: 'product-review-created',
			eventData: {
				id: productReviews[0].id,
				stars: 5,
				state: 'published',
				product: { sku: info.skus[0] },
			},
		});
		expect(events[2].eventData.consumer).toHaveProperty('email');
		expect(events[3]).toEqual({ eventName: 'custom-event', version: '1', eventData: { a: 1 } });

		const failing = await startHttpSink({ status: 500, body: 'nope' });
		try {
			expect(await admin.fireWebhook({ url: failing.url, rawBody: 'not json' })).toEqual({
				status: 500,
				body: 'nope',
			});
			expect(failing.received[0].body).toBe('not json');
		} finally {
			await failing.close();
		}
	});
});

/** Encrypts like a BGL generator: IV ‖ AES-256-CBC(JSON) ‖ HMAC-SHA256(IV ‖ ciphertext). */
function seal(plaintext: string, encryptKeyBase64: string, authKeyBase64: string): Buffer {
	const iv = randomBytes(16);
	const cipher = createCipheriv('aes-256-cbc', Buffer.from(encryptKeyBase64, 'base64'), iv);
	const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]);
	const mac = createHmac('sha256', Buffer.from(authKeyBase64, 'base64')).update(body).digest();
	return Buffer.concat([body, mac]);
}

describe('Business Generated Links', () => {
	const evaluate = (domain: string, payload: string, embed = false) =>
		callApi<{ ok: boolean; domain?: string; payload?: JsonObject; error?: string }>(
			`${emulator.apiOrigin}/evaluate-bgl/${embed ? 'embed/' : ''}${domain}?p=${encodeURIComponent(payload)}`,
		);

	it('decrypts the official known-answer vector', async () => {
		const result = await admin.bglDecrypt({
			payload: vectors.nuget.payload,
			encryptKey: vectors.nuget.encryptKey,
			authKey: vectors.nuget.authKey,
		});
		expect(result).toEqual({ ok: true, plaintext: vectors.nuget.plaintext });
	});

	it('accepts the reference vectors end to end when configured with their keys', async () => {
		info = await admin.reset({
			seed: {
				domain: vectors.derivedFull.domain,
				bglEncryptKey: vectors.derivedFull.encryptKey,
				bglAuthKey: vectors.derivedFull.authKey,
			},
		});
		const link = new URL(vectors.derivedFull.link);
		const response = await callApi<{ ok: boolean; payload: JsonObject }>(
			`${emulator.apiOrigin}${link.pathname}${link.search}`,
		);
		expect(response.status).toBe(200);
		expect(response.json.payload).toEqual(JSON.parse(vectors.derivedFull.plaintext));

		info = await admin.reset({
			seed: {
				bglEncryptKey: vectors.derivedMinimal.encryptKey,
				bglAuthKey: vectors.derivedMinimal.authKey,
			},
		});
		const minimal = await evaluate('example.com', vectors.derivedMinimal.payload);
		expect(minimal.status).toBe(200);
		expect(minimal.json).toEqual({
			ok: true,
			domain: 'example.com',
			payload: { email: 'john@doe.com', name: 'John Doe', ref: '1234' },
		});
		expect((await admin.state()).bglSubmissions).toHaveLength(1);
	});

	it('accepts a payload sealed with the demo keys and records it', async () => {
		const payload = {
			email: 'bgl@example.net',
			name: 'Bee Gee',
			ref: 'ORD-9',
			skus: ['A-1'],
			tags: ['bgl'],
		};
		const sealed = seal(JSON.stringify(payload), info.bgl.encryptKey, info.bgl.authKey).toString(
			'base64',
		);
		const response = await evaluate(info.bgl.domain, sealed, true);
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ ok: true, domain: info.bgl.domain, payload });
		const [submission] = (await admin.state()).bglSubmissions;
		expect(submission).toMatchObject({ domain: 'example.com', embed: true, payload });
	});

	it('rejects tampering, wrong keys, bad JSON, missing fields, spaced tags and unknown domains', async () => {
		const good = seal(
			JSON.stringify({ email: 'a@b.co', name: 'A', ref: '1' }),
			info.bgl.encryptKey,
			info.bgl.authKey,
		);
		const flipped = Buffer.from(good);
		flipped[20] ^= 0x01;
		const cases: Array<[string, RegExp]> = [
			[flipped.toString('base64'), /HMAC/],
			[
				seal(
					'{"email":"a@b.co","name":"A","ref":"1"}',
					info.bgl.encryptKey,
					vectors.nuget.authKey,
				).toString('base64'),
				/HMAC/,
			],
			[seal('not json', info.bgl.encryptKey, info.bgl.authKey).toString('base64'), /JSON/],
			[
				seal('{"email":"a@b.co","name":"A"}', info.bgl.encryptKey, info.bgl.authKey).toString(
					'base64',
				),
				/^ref/,
			],
			[
				seal(
					'{"email":"nope","name":"A","ref":"1"}',
					info.bgl.encryptKey,
					info.bgl.authKey,
				).toString('base64'),
				/^email/,
			],
			[
				seal(
					'{"email":"a@b.co","name":"A","ref":"1","tags":["two words"]}',
					info.bgl.encryptKey,
					info.bgl.authKey,
				).toString('base64'),
				/^tags/,
			],
			[good.subarray(0, 60).toString('base64'), /length/],
		];
		for (const [payload, error] of cases) {
			const response = await evaluate('example.com', payload);
			expect(response.status).toBe(400);
			expect(response.json.ok).toBe(false);
			expect(response.json.error).toMatch(error);
		}
		let withPlus = good.toString('base64');
		for (let attempt = 0; !withPlus.includes('+') && attempt < 100; attempt++) {
			withPlus = seal(
				'{"email":"a@b.co","name":"A","ref":"1"}',
				info.bgl.encryptKey,
				info.bgl.authKey,
			).toString('base64');
		}
		expect(withPlus).toContain('+');
		expect((await evaluate('example.com', withPlus)).status).toBe(200);
		const unencoded = await callApi<{ error: string }>(
			`${emulator.apiOrigin}/evaluate-bgl/example.com?p=${withPlus}`,
		);
		expect(unencoded.status).toBe(400);
		expect(unencoded.json.error).toMatch(/base64/);
		const wrongKeyDecrypt = seal(
			'{"email":"a@b.co","name":"A","ref":"1"}',
			vectors.nuget.encryptKey,
			info.bgl.authKey,
		).toString('base64');
		const badPadding = await evaluate('example.com', wrongKeyDecrypt);
		expect(badPadding.status).toBe(400);
		expect((await evaluate('unknown.example', good.toString('base64'))).status).toBe(404);
		expect((await admin.state()).bglSubmissions).toHaveLength(1);
	});
});
