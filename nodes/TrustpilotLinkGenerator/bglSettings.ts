import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { decodeBglKeys, decryptWithKeys, encryptWithKeys, type BglKeys } from './bglCrypto';

export const BGL_CREDENTIAL = 'trustpilotBusinessLinksApi';

/** The credential, checked: a bare domain and both keys, decoded (once per execution). */
export interface BglSettings {
	domain: string;
	keys: BglKeys;
}

// Whatever identifies the business on trustpilot.com/review/<domain>: no scheme, path, query or spaces.
const DOMAIN = /^[^\s/?#%@:]+\.[^\s/?#%@:]+$/;

/** Accepts a pasted URL or "www.example.com/" and keeps only the host, lower-cased. */
export function normalizeDomain(raw: unknown): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '')
		throw new Error('The domain is empty; enter your domain as on Trustpilot, e.g. example.com');
	const host = text
		.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
		.replace(/\/+$/, '')
		.toLowerCase();
	if (!DOMAIN.test(host)) {
		throw new Error(
			`The domain "${text.slice(0, 80)}" is not a bare domain; enter it as on Trustpilot, e.g. example.com`,
		);
	}
	return host;
}

/**
 * Validates the credential once per execution. Key problems are found by a round trip through the
 * real crypto, so the node and the credential test can never disagree about what is valid.
 */
export function readBglSettings(data: ICredentialDataDecryptedObject): BglSettings {
	const domain = normalizeDomain(data.domain);
	const encryptKey = typeof data.encryptSecretKey === 'string' ? data.encryptSecretKey.trim() : '';
	const authKey = typeof data.authSecretKey === 'string' ? data.authSecretKey.trim() : '';
	const keys = decodeBglKeys(encryptKey, authKey);
	const probe = '{}';
	if (decryptWithKeys(encryptWithKeys(probe, keys), keys) !== probe) {
		throw new Error('The keys failed a local encryption round trip');
	}
	return { domain, keys };
}
