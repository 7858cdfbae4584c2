import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

export type CallerAuthentication = 'none' | 'basicAuth' | 'token';

export type CallerCheck = { ok: true } | { ok: false; reason: string; basicChallenge: boolean };

/**
 * Compares two secrets in constant time. Hashing first gives equal-length inputs, as
 * `timingSafeEqual` requires, without revealing the expected length.
 */
export function secretsEqual(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

function header(headers: IDataObject, name: string): string {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
}

function basicCredentials(authorization: string): { user: string; password: string } | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Whether Trustpilot turns the `user:password@` of a subscription URL into Basic auth is not
 * documented. When a call (e.g. Trustpilot's Test button) arrives without it, say what works
 * under either behaviour: a token in the URL's query.
 */
export const BASIC_MISSING =
	'Basic authentication required, and this request carried no credentials. If it came from Trustpilot (e.g. its Test button), Trustpilot did not send the user:password of the subscription URL: set Authentication to "Token" and append ?token=your-token to the URL instead.';

/**
 * Checks the caller against the node's "Authentication" setting. Trustpilot signs nothing, so
 * the secret travels in the subscription URL: as `user:password@` (sent as Basic auth) or as
 * a `?token=` query parameter.
 */
export function checkCaller(ctx: IWebhookFunctions): CallerCheck {
	const mode = ctx.getNodeParameter('authentication', 'none') as CallerAuthentication;
	if (mode === 'none') return { ok: true };

	if (mode === 'basicAuth') {
		const expectedUser = String(ctx.getNodeParameter('user', ''));
		const expectedPassword = String(ctx.getNodeParameter('password', ''));
		const given = basicCredentials(header(ctx.getHeaderData() as IDataObject, 'authorization'));
		// Both comparisons always run, so timing does not tell which part was wrong.
		const userOk = secretsEqual(given?.user ?? '', expectedUser);
		const passwordOk = secretsEqual(given?.password ?? '', expectedPassword);
		if (given && expectedPassword !== '' && userOk && passwordOk) return { ok: true };
		return {
			ok: false,
			reason: given ? 'Wrong user or password' : BASIC_MISSING,
			basicChallenge: true,
		};
	}

	const expectedToken = String(ctx.getNodeParameter('token', ''));
	const raw = (ctx.getQueryData() as IDataObject).token;
	const given = Array.isArray(raw) ? String(raw[0] ?? '') : typeof raw === 'string' ? raw : '';
	const tokenOk = secretsEqual(given, expectedToken);
	if (given !== '' && expectedToken !== '' && tokenOk) return { ok: true };
	return { ok: false, reason: given ? 'Wrong token' : 'Token required', basicChallenge: false };
}
