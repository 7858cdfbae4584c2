/**
 * Trustpilot Business Generated Links (BGL) payload crypto: AES-256-CBC (PKCS#7, random IV)
 * then HMAC-SHA256 over IV ‖ ciphertext, framed as base64(IV ‖ ciphertext ‖ MAC).
 * Pure module (node `crypto` only) so the emulator, benchmarks and tests can use it directly.
 * Error messages name the key or the defect but never contain key material.
 */
import {
	createCipheriv,
	createDecipheriv,
	createHmac,
	randomFillSync,
	timingSafeEqual,
} from 'crypto';

const IV_BYTES = 16;
const BLOCK_BYTES = 16;
const MAC_BYTES = 32;
const KEY_BYTES = 32;
const CIPHER = 'aes-256-cbc';
// Standard base64 only (Trustpilot shows keys this way; base64url or stray characters mean a bad copy).
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// A valid MAC with garbage after decryption means a wrong encrypt key; fatal decoding catches it.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeKey(keyBase64: string, label: string): Buffer {
	const text = typeof keyBase64 === 'string' ? keyBase64.trim() : '';
	if (text === '') throw new Error(`The ${label} is empty`);
	if (!BASE64.test(text) || text.length % 4 === 1) {
		throw new Error(
			`The ${label} is not valid base64 text; copy it again from Trustpilot Business`,
		);
	}
	const key = Buffer.from(text, 'base64');
	if (key.length !== KEY_BYTES) {
		throw new Error(
			`The ${label} decodes to ${key.length} bytes, but Business Generated Links keys are ${KEY_BYTES} bytes (44 base64 characters)`,
		);
	}
	return key;
}

/** Both keys, checked and decoded: what a run decodes once and every link of it uses. */
export interface BglKeys {
	encryptKey: Buffer;
	authKey: Buffer;
}

export function decodeBglKeys(encryptKeyBase64: string, authKeyBase64: string): BglKeys {
	return {
		encryptKey: decodeKey(encryptKeyBase64, 'encrypt key'),
		authKey: decodeKey(authKeyBase64, 'authentication key'),
	};
}

/** Encrypts and authenticates `plaintext` (UTF-8); returns the base64 payload, not yet percent-encoded. */
export function encryptBglPayload(
	plaintext: string,
	encryptKeyBase64: string,
	authKeyBase64: string,
): string {
	return encryptWithKeys(plaintext, decodeBglKeys(encryptKeyBase64, authKeyBase64));
}

/** The same with keys decoded beforehand (the Link Generator decodes them once per execution). */
export function encryptWithKeys(plaintext: string, { encryptKey, authKey }: BglKeys): string {
	const data = Buffer.from(plaintext, 'utf8');
	// PKCS#7 always pads, so the ciphertext is the next multiple of the block size above the input.
	const cipherBytes = (Math.floor(data.length / BLOCK_BYTES) + 1) * BLOCK_BYTES;
	const framed = Buffer.allocUnsafe(IV_BYTES + cipherBytes + MAC_BYTES);
	const iv = framed.subarray(0, IV_BYTES);
	randomFillSync(iv);
	const cipher = createCipheriv(CIPHER, encryptKey, iv);
	let offset = IV_BYTES + cipher.update(data).copy(framed, IV_BYTES);
	offset += cipher.final().copy(framed, offset);
	createHmac('sha256', authKey).update(framed.subarray(0, offset)).digest().copy(framed, offset);
	return framed.toString('base64');
}

function decodePayload(payloadBase64: string): Buffer {
	const text = typeof payloadBase64 === 'string' ? payloadBase64.trim() : '';
	if (text === '') throw new Error('The link payload is empty');
	if (!BASE64.test(text) || text.length % 4 !== 0) {
		throw new Error('The link payload is not base64 text (was the link cut off or changed?)');
	}
	const bytes = Buffer.from(text, 'base64');
	const cipherBytes = bytes.length - IV_BYTES - MAC_BYTES;
	if (cipherBytes < BLOCK_BYTES || cipherBytes % BLOCK_BYTES !== 0) {
		throw new Error(
			`The link payload has ${bytes.length} bytes, which is not IV + whole AES blocks + MAC (was the link cut off?)`,
		);
	}
	return bytes;
}

/** Verifies the MAC in constant time, then decrypts; throws when the payload is not authentic under these keys. */
export function decryptBglPayload(
	payloadBase64: string,
	encryptKeyBase64: string,
	authKeyBase64: string,
): string {
	return decryptWithKeys(payloadBase64, decodeBglKeys(encryptKeyBase64, authKeyBase64));
}

/** The same with keys decoded beforehand. */
export function decryptWithKeys(payloadBase64: string, { encryptKey, authKey }: BglKeys): string {
	const bytes = decodePayload(payloadBase64);
	const macStart = bytes.length - MAC_BYTES;
	const expectedMac = createHmac('sha256', authKey).update(bytes.subarray(0, macStart)).digest();
	if (!timingSafeEqual(expectedMac, bytes.subarray(macStart))) {
		throw new Error(
			'The link payload failed authentication: it was changed, or it was made with a different authentication key',
		);
	}
	const decipher = createDecipheriv(CIPHER, encryptKey, bytes.subarray(0, IV_BYTES));
	let plaintext: string | undefined;
	try {
		const head = decipher.update(bytes.subarray(IV_BYTES, macStart));
		plaintext = utf8.decode(Buffer.concat([head, decipher.final()]));
	} catch {
		// Reported below: rethrowing here would leak OpenSSL's wording and is what n8n's lint forbids.
		plaintext = undefined;
	}
	if (plaintext === undefined) {
		throw new Error(
			'The link payload is authentic but does not decrypt with this encrypt key (bad padding or text); check the encrypt key',
		);
	}
	return plaintext;
}
