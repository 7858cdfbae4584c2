import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { trustpilotErrorText } from '../nodes/shared/trustpilotError';

// Facts shared by the credential and the nodes' transport (see the README's "Authentication").
export const PRODUCTION_API_BASE_URL = 'https://api.trustpilot.com/v1';
export const PRODUCTION_INVITATIONS_BASE_URL = 'https://invitations-api.trustpilot.com/v1';
export const GRANT_PATH = '/oauth/oauth-business-users-for-applications/accesstoken';
export const RENEW_GRANT_PATH = '/oauth/oauth-business-users-for-applications/refresh';

export interface TokenResponse {
	access_token: string;
	refresh_token?: string;
	// Trustpilot sends numbers as strings, e.g. "359999".
	expires_in?: string;
	token_type?: string;
}

export type AuthenticationMode = 'apiKey' | 'clientCredentials' | 'password';

function trimSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

export function apiBaseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return credentials.environment === 'custom'
		? trimSlashes(String(credentials.apiBaseUrl ?? ''))
		: PRODUCTION_API_BASE_URL;
}

export function invitationsBaseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return credentials.environment === 'custom'
		? trimSlashes(String(credentials.invitationsBaseUrl ?? ''))
		: PRODUCTION_INVITATIONS_BASE_URL;
}

/** FNV-1a, twice with different offsets: a short fingerprint of the key, not a secret in itself. */
function fingerprint(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		a = Math.imul(a ^ code, 0x01000193) >>> 0;
		b = Math.imul(b ^ code, 0x01000193 + 2) >>> 0;
	}
	return `${a.toString(36)}${b.toString(36)}`;
}

/**
 * Identifies what a stored token was minted for: mode, both hosts it is sent to (so a changed
 * environment or base URL), the API key (as a fingerprint) and the login. A token is only ever
 * sent, or refreshed, when the credential still matches; otherwise a new one is requested from
 * the configured host, and the old one never travels to another host.
 */
export function tokenContextOf(credentials: ICredentialDataDecryptedObject): string {
	const key = String(credentials.apiKey ?? '');
	const login = credentials.authentication === 'password' ? String(credentials.username ?? '') : '';
	return [
		'v2',
		credentials.authentication,
		apiBaseUrlOf(credentials),
		invitationsBaseUrlOf(credentials),
		fingerprint(key),
		login,
	].join('|');
}

/** The origin (scheme, host, port) of a URL, for same-origin checks; '' when not a URL. */
export function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return '';
	}
}

/**
 * Turns a failed token request into a message that says what to fix. Never includes the
 * request itself, so the secret and password cannot leak into it.
 */
export function describeTokenFailure(
	statusCode: number,
	body: IDataObject | undefined,
	grantType: string,
): string {
	const said = trustpilotErrorText(body) ?? '';
	const lower = said.toLowerCase();
	const suffix = said ? ` (Trustpilot said: "${said}")` : '';
	if (statusCode === 429) {
		return `Trustpilot refused the token request because tokens were requested too often (HTTP 429). Wait a few minutes and retry; the node reuses a token until it expires${suffix}`;
	}
	if (lower.includes('two-factor') || lower.includes('2fa')) {
		return `This business user has two-factor authentication, which Trustpilot does not support for the password grant. Use Client Credentials instead${suffix}`;
	}
	if (statusCode === 401 && (lower.includes('secret') || lower.includes('client secret'))) {
		return `The API secret was rejected. Check the API Secret field of the Trustpilot credential${suffix}`;
	}
	if (
		statusCode === 401 &&
		(lower.includes('apikey') || lower.includes('api key') || lower.includes('client'))
	) {
		return `The API key (or the key/secret pair) was rejected. Check the API Key and API Secret fields${suffix}`;
	}
	if (grantType === 'password' && (statusCode === 400 || statusCode === 401)) {
		return `The business user login was rejected. Check Username and Password${suffix}`;
	}
	if (grantType === 'refresh_token') {
		return `The stored refresh token was rejected (HTTP ${statusCode})${suffix}`;
	}
	return `Trustpilot did not issue an access token (HTTP ${statusCode})${suffix}`;
}

// ── Token stampede guard (queue mode) ────────────────────────────────────────────────────────
// n8n runs preAuthentication for every execution whose stored access token is empty or was just
// answered with 401, and it keeps no lock between those calls. When the stored token expires
// while many executions run in one process (a worker running ten at once, a webhook processor
// receiving a burst), each of them would ask Trustpilot for a token, and Trustpilot answers 429
// to the excess. This guard keeps it to one token request per process and credential: callers
// arriving while a request is under way wait for its answer, and callers still holding a token
// that this process already replaced get the replacement instead of asking again. Each process
// (main, every worker and webhook processor) does the same for itself.

interface Mint {
	request: Promise<IDataObject>;
	/** Tokens the callers of this mint held when they asked: the ones it replaces. */
	replaces: Set<string>;
	/** Reuse ends here, in epoch ms. */
	reuseUntil: number;
	settled: boolean;
}

const latestMints = new Map<string, Mint>();

// Long enough to cover a burst of executions; a caller holding a replaced token after that asks anew.
const REUSE_WINDOW_MS = 10 * 60 * 1000;

/** Names the credential a token belongs to: a hash of every field that makes the token. */
function mintKeyOf(credentials: ICredentialDataDecryptedObject): string {
	const parts = [
		credentials.authentication,
		apiBaseUrlOf(credentials),
		credentials.apiKey,
		credentials.apiSecret,
		credentials.authentication === 'password' ? credentials.username : '',
		credentials.authentication === 'password' ? credentials.password : '',
	].map((part) => String(part ?? ''));
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Runs `mint` (one token request) unless this process is already asking for a token for the same
 * credential, or already got one to replace the token the caller holds. A token the caller
 * presents that no mint here replaced (e.g. one another process minted) gets a fresh request.
 * A failed mint is shared with the callers waiting for it and then forgotten.
 */
export async function mintTokenOncePerProcess(
	credentials: ICredentialDataDecryptedObject,
	mint: () => Promise<IDataObject>,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const key = mintKeyOf(credentials);
	const presented = String(credentials.accessToken ?? '');
	const latest = latestMints.get(key);
	if (latest && !latest.settled) {
		latest.replaces.add(presented);
		return { ...(await latest.request) };
	}
	// No token at all ('') proves nothing about what was minted since, so it only joins a request under way.
	if (latest && presented !== '' && latest.reuseUntil > now() && latest.replaces.has(presented)) {
		return { ...(await latest.request) };
	}

	const entry: Mint = {
		request: Promise.resolve({}),
		replaces: new Set([presented]),
		reuseUntil: 0,
		settled: false,
	};
	entry.request = (async () => {
		try {
			const tokens = await mint();
			entry.reuseUntil = now() + REUSE_WINDOW_MS;
			return tokens;
		} finally {
			entry.settled = true;
			// A refused request is shared with its waiters (same answer) but never reused afterwards.
			if (entry.reuseUntil === 0 && latestMints.get(key) === entry) latestMints.delete(key);
		}
	})();
	latestMints.set(key, entry);
	return { ...(await entry.request) };
}

/** Forgets every token request of this process (tests use it between scenarios). */
export function forgetMintedTokens(): void {
	latestMints.clear();
}
// ── end of token stampede guard ──────────────────────────────────────────────────────────────

// --- The credential ↔ transport contract for a refused token request --------------------------

/**
 * What the credential throws when Trustpilot refuses to issue an access token (wrong login, key
 * or secret): asking again for the next item of the same execution would fail the same way, or
 * turn into a 429 that hides the cause. The nodes' transport recognises it with
 * `isTokenRefusal` and fails the remaining items with the same error without a new request.
 * A marker property rather than `instanceof`, because n8n may wrap the error (as a `cause`).
 */
export interface TokenRefusedError extends Error {
	readonly trustpilotTokenRefused: true;
}

/** Whether an error, or any error in its `cause` chain, is a refused token request. */
export function isTokenRefusal(error: unknown): boolean {
	for (
		let cause = error as { cause?: unknown; trustpilotTokenRefused?: unknown } | undefined;
		cause;
		cause = cause.cause as typeof cause
	) {
		if (cause.trustpilotTokenRefused === true) return true;
	}
	return false;
}
