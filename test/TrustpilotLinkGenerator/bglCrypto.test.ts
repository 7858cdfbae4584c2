import * as crypto from 'crypto';

import {
	decryptBglPayload,
	encryptBglPayload,
} from '../../nodes/TrustpilotLinkGenerator/bglCrypto';
import { DERIVED_FULL, DERIVED_MINIMAL, NUGET } from './vectors';

const KEYS = [DERIVED_FULL.encryptKey, DERIVED_FULL.authKey] as const;
const OTHER_VALID_KEY = crypto.createHash('sha256').update('some other key').digest('base64');

/** Flips one bit of the decoded payload at `index` (negative = from the end). */
function flipBit(payload: string, index: number): string {
	const bytes = Buffer.from(payload, 'base64');
	bytes[index < 0 ? bytes.length + index : index] ^= 0x01;
	return bytes.toString('base64');
}

describe('known-answer vectors', () => {
	it('decrypts the official Trustpilot test vector', () => {
		expect(decryptBglPayload(NUGET.payload, NUGET.encryptKey, NUGET.authKey)).toBe(NUGET.plaintext);
	});

	it('decrypts the derived vectors (IV 00..0f with all fields, zero IV with required fields only)', () => {
		expect(
			decryptBglPayload(DERIVED_FULL.payload, DERIVED_FULL.encryptKey, DERIVED_FULL.authKey),
		).toBe(DERIVED_FULL.plaintext);
		expect(
			decryptBglPayload(
				DERIVED_MINIMAL.payload,
				DERIVED_MINIMAL.encryptKey,
				DERIVED_MINIMAL.authKey,
			),
		).toBe(DERIVED_MINIMAL.plaintext);
	});

	it('decrypts the payload carried by the derived reference link', () => {
		const payload = decodeURIComponent(new URL(DERIVED_FULL.link).searchParams.get('p') ?? '');
		expect(decryptBglPayload(payload, DERIVED_FULL.encryptKey, DERIVED_FULL.authKey)).toBe(
			DERIVED_FULL.plaintext,
		);
	});
});

describe('framing of new payloads', () => {
	it('is base64(IV 16 ‖ ciphertext ‖ HMAC-SHA256 over IV ‖ ciphertext) with AES-256-CBC inside', () => {
		const plaintext = '{"email":"a@b.co","name":"Å","ref":"1"}';
		const payload = encryptBglPayload(plaintext, ...KEYS);
		const bytes = Buffer.from(payload, 'base64');
		expect(bytes.toString('base64')).toBe(payload);
		const iv = bytes.subarray(0, 16);
		const mac = bytes.subarray(bytes.length - 32);
		const ciphertext = bytes.subarray(16, bytes.length - 32);
		// Independent check with plain node:crypto calls.
		const authKey = Buffer.from(DERIVED_FULL.authKey, 'base64');
		const expectedMac = crypto
			.createHmac('sha256', authKey)
			.update(bytes.subarray(0, bytes.length - 32))
			.digest();
		expect(mac.equals(expectedMac)).toBe(true);
		const decipher = crypto.createDecipheriv(
			'aes-256-cbc',
			Buffer.from(DERIVED_FULL.encryptKey, 'base64'),
			iv,
		);
		expect(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')).toBe(
			plaintext,
		);
	});

	it('has the documented size: a 26-byte message becomes 80 bytes / 108 base64 characters', () => {
		expect(encryptBglPayload('abcdefghijklmnopqrstuvwxyz', ...KEYS)).toHaveLength(108);
	});

	it('uses a fresh random IV for every payload', () => {
		const ivs = new Set<string>();
		for (let i = 0; i < 200; i++) ivs.add(encryptBglPayload('same text', ...KEYS).slice(0, 22));
		expect(ivs.size).toBe(200);
	});
});

describe('round trips', () => {
	it.each([
		['empty text', ''],
		['ASCII JSON', '{"email":"john@doe.com","name":"John Doe","ref":"1234"}'],
		['accents and CJK', '{"name":"Zoë Ñúñez 山田太郎","ref":"Å-1"}'],
		['emoji and right-to-left text', '{"name":"👩🏽‍💻 محمد","ref":"🎉"}'],
		['combining marks', 'e\u0301 a\u0308 \u0915\u094d\u0937'],
	])('%s', (_label, text) => {
		expect(decryptBglPayload(encryptBglPayload(text, ...KEYS), ...KEYS)).toBe(text);
	});

	it('every length around the block boundaries (PKCS#7 adds 1..16 bytes)', () => {
		for (let length = 0; length <= 65; length++) {
			const text = 'x'.repeat(length);
			const payload = encryptBglPayload(text, ...KEYS);
			expect(Buffer.from(payload, 'base64').length).toBe(
				16 + (Math.floor(length / 16) + 1) * 16 + 32,
			);
			expect(decryptBglPayload(payload, ...KEYS)).toBe(text);
		}
	});

	it('long inputs (200 SKUs, 100 kB name)', () => {
		const skus = Array.from({ length: 200 }, (_, i) => `SKU-${i}-ÄÖÜ`);
		const text = JSON.stringify({ email: 'a@b.co', name: 'ü'.repeat(50_000), ref: 'r', skus });
		expect(decryptBglPayload(encryptBglPayload(text, ...KEYS), ...KEYS)).toBe(text);
	});

	it('keeps key pairs apart when they alternate', () => {
		const pairs: Array<[string, string]> = [
			[DERIVED_FULL.encryptKey, DERIVED_FULL.authKey],
			[NUGET.encryptKey, NUGET.authKey],
			[NUGET.encryptKey, DERIVED_FULL.authKey],
		];
		const payloads = pairs.map((pair, i) => encryptBglPayload(`pair ${i}`, ...pair));
		pairs.forEach((pair, i) => expect(decryptBglPayload(payloads[i], ...pair)).toBe(`pair ${i}`));
		expect(() => decryptBglPayload(payloads[2], ...pairs[1])).toThrow(/failed authentication/);
		expect(() => decryptBglPayload(DERIVED_FULL.payload, ...pairs[2])).toThrow(
			/check the encrypt key/,
		);
	});
});

describe('tampering', () => {
	const payload = DERIVED_FULL.payload;
	const length = Buffer.from(payload, 'base64').length;

	it.each([
		['first IV byte', 0],
		['last IV byte', 15],
		['first ciphertext byte', 16],
		['last ciphertext byte', length - 33],
		['first MAC byte', length - 32],
		['last MAC byte', -1],
	])('a flipped bit in the %s fails authentication', (_label, index) => {
		expect(() => decryptBglPayload(flipBit(payload, index), ...KEYS)).toThrow(
			'The link payload failed authentication: it was changed, or it was made with a different authentication key',
		);
	});

	it('rejects truncated, extended and re-framed payloads', () => {
		const bytes = Buffer.from(payload, 'base64');
		const cut = bytes.subarray(0, bytes.length - 16).toString('base64');
		expect(() => decryptBglPayload(cut, ...KEYS)).toThrow(/failed authentication/);
		const extended = Buffer.concat([bytes, Buffer.alloc(16)]).toString('base64');
		expect(() => decryptBglPayload(extended, ...KEYS)).toThrow(/failed authentication/);
		const odd = bytes.subarray(0, bytes.length - 1).toString('base64');
		expect(() => decryptBglPayload(odd, ...KEYS)).toThrow(
			/175 bytes, which is not IV \+ whole AES blocks \+ MAC/,
		);
		const tiny = Buffer.alloc(48).toString('base64');
		expect(() => decryptBglPayload(tiny, ...KEYS)).toThrow(/48 bytes/);
		expect(() => decryptBglPayload(payload.slice(0, -3), ...KEYS)).toThrow(/not base64/);
		expect(() =>
			decryptBglPayload(payload.replace(/\+/g, '-').replace(/\//g, '_'), ...KEYS),
		).toThrow(/not base64/);
		expect(() => decryptBglPayload('', ...KEYS)).toThrow('The link payload is empty');
	});
});

describe('keys', () => {
	it('a different authentication key fails authentication', () => {
		expect(() => decryptBglPayload(NUGET.payload, NUGET.encryptKey, OTHER_VALID_KEY)).toThrow(
			/failed authentication/,
		);
	});

	it('the right authentication key with a different encrypt key is reported as an encrypt key problem', () => {
		expect(() => decryptBglPayload(NUGET.payload, OTHER_VALID_KEY, NUGET.authKey)).toThrow(
			/check the encrypt key/,
		);
	});

	it.each([
		['encrypt key', 0, 16],
		['authentication key', 1, 48],
	])('names the %s when it decodes to the wrong length', (label, position, bytes) => {
		const keys: [string, string] = [...KEYS];
		keys[position] = crypto.randomBytes(bytes).toString('base64');
		for (const run of [
			() => encryptBglPayload('x', ...keys),
			() => decryptBglPayload(DERIVED_FULL.payload, ...keys),
		]) {
			let message = '';
			try {
				run();
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toBe(
				`The ${label} decodes to ${bytes} bytes, but Business Generated Links keys are 32 bytes (44 base64 characters)`,
			);
			expect(message).not.toContain(keys[position]);
		}
	});

	it('rejects empty and non-base64 keys, naming which one', () => {
		expect(() => encryptBglPayload('x', '', KEYS[1])).toThrow('The encrypt key is empty');
		expect(() => encryptBglPayload('x', KEYS[0], '  ')).toThrow('The authentication key is empty');
		expect(() => encryptBglPayload('x', 'not a key!', KEYS[1])).toThrow(
			/^The encrypt key is not valid base64 text/,
		);
		const urlSafe = KEYS[1].replace(/\+/g, '-').replace(/\//g, '_');
		expect(urlSafe).not.toBe(KEYS[1]);
		expect(() => encryptBglPayload('x', KEYS[0], urlSafe)).toThrow(
			/^The authentication key is not valid base64 text/,
		);
	});

	it('accepts keys pasted with surrounding whitespace or without padding', () => {
		const payload = encryptBglPayload('pasted', ` ${KEYS[0]}\n`, KEYS[1].replace(/=+$/, ''));
		expect(decryptBglPayload(payload, ...KEYS)).toBe('pasted');
	});
});
