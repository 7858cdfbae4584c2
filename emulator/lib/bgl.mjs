// Business Generated Links: verify-then-decrypt of `p` (IV ‖ AES-256-CBC ciphertext ‖ HMAC-SHA256),
// written from the published algorithm so the node's encryption is checked by an independent implementation.
import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { single } from './pagination.mjs';

const IV_BYTES = 16;
const MAC_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function decodeKey(text, name) {
	const key = Buffer.from(String(text ?? ''), 'base64');
	if (key.length !== 32) throw new Error(`${name} must decode to 32 bytes`);
	return key;
}

/** Returns {ok:true, plaintext} or {ok:false, error}; never throws on bad input. */
export function decryptBglPayload(payload, encryptKeyBase64, authKeyBase64) {
	let encryptKey;
	let authKey;
	try {
		encryptKey = decodeKey(encryptKeyBase64, 'encrypt key');
		authKey = decodeKey(authKeyBase64, 'authentication key');
	} catch (error) {
		return { ok: false, error: error.message };
	}
	if (typeof payload !== 'string' || payload === '')
		return { ok: false, error: 'p: payload is missing' };
	if (!BASE64.test(payload) || payload.length % 4 !== 0) {
		return {
			ok: false,
			error: "p: payload is not standard base64 (was it percent-encoded? '+' must travel as %2B)",
		};
	}
	const bytes = Buffer.from(payload, 'base64');
	if (
		bytes.length < IV_BYTES + 16 + MAC_BYTES ||
		(bytes.length - IV_BYTES - MAC_BYTES) % 16 !== 0
	) {
		return { ok: false, error: 'p: payload has the wrong length for IV + ciphertext + HMAC' };
	}
	const signed = bytes.subarray(0, bytes.length - MAC_BYTES);
	const mac = bytes.subarray(bytes.length - MAC_BYTES);
	const expected = createHmac('sha256', authKey).update(signed).digest();
	if (!timingSafeEqual(mac, expected))
		return {
			ok: false,
			error: 'p: HMAC verification failed (wrong authentication key or tampered payload)',
		};
	try {
		const decipher = createDecipheriv('aes-256-cbc', encryptKey, signed.subarray(0, IV_BYTES));
		const plain = Buffer.concat([decipher.update(signed.subarray(IV_BYTES)), decipher.final()]);
		return { ok: true, plaintext: plain.toString('utf8') };
	} catch {
		return { ok: false, error: 'p: decryption failed (bad padding or wrong encrypt key)' };
	}
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the decrypted JSON: email, name, ref required; skus/tags optional string arrays, tags without spaces. */
export function validateBglJson(plaintext) {
	let parsed;
	try {
		parsed = JSON.parse(plaintext);
	} catch {
		return { ok: false, error: 'payload is not valid JSON' };
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
		return { ok: false, error: 'payload must be a JSON object' };
	// Keys are matched case-insensitively: the official C# sample serialises PascalCase names.
	const fields = Object.fromEntries(
		Object.entries(parsed).map(([key, value]) => [key.toLowerCase(), value]),
	);
	if (typeof fields.email !== 'string' || !EMAIL.test(fields.email))
		return { ok: false, error: 'email: missing or not a valid email address' };
	if (typeof fields.name !== 'string' || fields.name.trim() === '')
		return { ok: false, error: 'name: missing' };
	if (typeof fields.ref !== 'string' || fields.ref.trim() === '')
		return { ok: false, error: 'ref: missing' };
	for (const key of ['skus', 'tags']) {
		const value = fields[key];
		if (value === undefined || value === null) continue;
		if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
			return { ok: false, error: `${key}: must be an array of strings` };
	}
	const spaced = (fields.tags ?? []).find((tag) => /\s/.test(tag));
	if (spaced !== undefined) return { ok: false, error: `tags: '${spaced}' contains a space` };
	return { ok: true, payload: parsed };
}

function evaluate(embed) {
	return (ctx) => {
		const domain = ctx.params.domain.toLowerCase();
		const { bgl } = ctx.state;
		if (domain !== bgl.domain.toLowerCase()) {
			return {
				status: 404,
				body: { ok: false, error: `No Business Generated Links configured for domain ${domain}` },
			};
		}
		const decrypted = decryptBglPayload(single(ctx.query, 'p'), bgl.encryptKey, bgl.authKey);
		if (!decrypted.ok) return { status: 400, body: { ok: false, error: decrypted.error } };
		const checked = validateBglJson(decrypted.plaintext);
		if (!checked.ok) return { status: 400, body: { ok: false, error: checked.error } };
		ctx.state.records.bglSubmissions.push({
			id: ctx.state.rng.hexId(),
			domain: bgl.domain,
			embed,
			payload: checked.payload,
			receivedAt: new Date().toISOString(),
		});
		return { status: 200, body: { ok: true, domain: bgl.domain, payload: checked.payload } };
	};
}

export const bglRoutes = [
	{
		host: 'api',
		method: 'GET',
		path: '/evaluate-bgl/{domain}',
		auth: 'none',
		handler: evaluate(false),
	},
	{
		host: 'api',
		method: 'GET',
		path: '/evaluate-bgl/embed/{domain}',
		auth: 'none',
		handler: evaluate(true),
	},
];
