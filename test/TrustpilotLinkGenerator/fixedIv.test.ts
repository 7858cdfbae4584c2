// Pins the IV so encryption can be compared byte for byte with the reference vectors.
let mockIv: Buffer | undefined;
jest.mock('crypto', () => {
	const actual = jest.requireActual('crypto');
	return {
		...actual,
		randomFillSync: (buffer: Buffer, ...rest: unknown[]) => {
			if (!mockIv || buffer.length !== 16) return actual.randomFillSync(buffer, ...rest);
			mockIv.copy(buffer);
			return buffer;
		},
		timingSafeEqual: jest.fn(actual.timingSafeEqual),
	};
});

import * as crypto from 'crypto';

import {
	decryptBglPayload,
	encryptBglPayload,
} from '../../nodes/TrustpilotLinkGenerator/bglCrypto';
import { GENERATE_FROM_ITEM, runLinkGenerator } from './helpers';
import { DERIVED_FULL, DERIVED_MINIMAL } from './vectors';

afterEach(() => {
	mockIv = undefined;
});

describe('encryption with a pinned IV reproduces the reference vectors', () => {
	it('derived vector 1 (all fields)', () => {
		mockIv = DERIVED_FULL.iv;
		const payload = encryptBglPayload(
			DERIVED_FULL.plaintext,
			DERIVED_FULL.encryptKey,
			DERIVED_FULL.authKey,
		);
		expect(payload).toBe(DERIVED_FULL.payload);
		expect(Buffer.from(payload, 'base64').subarray(-32).toString('hex')).toBe(DERIVED_FULL.macHex);
	});

	it('derived vector 2 (required fields only)', () => {
		mockIv = DERIVED_MINIMAL.iv;
		expect(
			encryptBglPayload(
				DERIVED_MINIMAL.plaintext,
				DERIVED_MINIMAL.encryptKey,
				DERIVED_MINIMAL.authKey,
			),
		).toBe(DERIVED_MINIMAL.payload);
	});
});

it('checks the MAC with crypto.timingSafeEqual on the two 32-byte tags', () => {
	const compare = crypto.timingSafeEqual as jest.Mock;
	compare.mockClear();
	const tampered = Buffer.from(DERIVED_FULL.payload, 'base64');
	tampered[tampered.length - 1] ^= 0x80;
	expect(() =>
		decryptBglPayload(tampered.toString('base64'), DERIVED_FULL.encryptKey, DERIVED_FULL.authKey),
	).toThrow(/failed authentication/);
	expect(compare).toHaveBeenCalledTimes(1);
	const [expected, received] = compare.mock.calls[0] as [Buffer, Buffer];
	expect([expected.length, received.length]).toEqual([32, 32]);
	expect(received.equals(tampered.subarray(-32))).toBe(true);
});

describe('Generate Link in a workflow, with a pinned IV', () => {
	it('produces exactly the reference link, with lower-case keys in the order email, name, ref, skus, tags', async () => {
		mockIv = DERIVED_FULL.iv;
		const { output, error } = await runLinkGenerator(
			{
				domain: DERIVED_FULL.domain,
				encryptKey: DERIVED_FULL.encryptKey,
				authKey: DERIVED_FULL.authKey,
			},
			GENERATE_FROM_ITEM,
			[
				{
					email: 'xyz@domain.com',
					name: 'John Smith',
					ref: '1234',
					skus: 'sku1, sku2,sku3',
					tags: 'tag1,tag2 ,tag3',
				},
			],
		);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json.url).toBe(DERIVED_FULL.link);
	});

	it('leaves out empty SKUs and tags (reference vector 2 payload)', async () => {
		mockIv = DERIVED_MINIMAL.iv;
		const { output } = await runLinkGenerator(
			{
				domain: 'doe.com',
				encryptKey: DERIVED_MINIMAL.encryptKey,
				authKey: DERIVED_MINIMAL.authKey,
			},
			GENERATE_FROM_ITEM,
			[{ email: 'john@doe.com', name: 'John Doe', ref: 1234 }],
		);
		const url = new URL(output[0].json.url as string);
		expect(url.origin + url.pathname).toBe('https://www.trustpilot.com/evaluate-bgl/doe.com');
		expect(url.searchParams.get('p')).toBe(DERIVED_MINIMAL.payload);
	});
});
