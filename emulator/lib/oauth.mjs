// OAuth token endpoints on the API host (Apigee-style business-user tokens).
import { randomBytes } from 'node:crypto';
import { ApiError, oauthError, quotaViolation } from './errors.mjs';
import { mediaType, queryToObject } from './http.mjs';
import { hitRateLimit } from './ratelimit.mjs';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE = '/v1/oauth/oauth-business-users-for-applications';

export function randomToken(prefix, length = 28) {
	const bytes = randomBytes(length);
	let text = prefix;
	for (const byte of bytes) text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
	return text;
}

function clientCredentialsOf(ctx, form) {
	const header = ctx.headers.authorization;
	if (typeof header === 'string' && /^Basic\s+/i.test(header)) {
		const decoded = Buffer.from(header.replace(/^Basic\s+/i, '').trim(), 'base64').toString('utf8');
		const separator = decoded.indexOf(':');
		if (separator < 0) return { clientId: decoded, clientSecret: '' };
		return { clientId: decoded.slice(0, separator), clientSecret: decoded.slice(separator + 1) };
	}
	if (form.client_id)
		return { clientId: String(form.client_id), clientSecret: String(form.client_secret ?? '') };
	return null;
}

function readForm(ctx) {
	if (mediaType(ctx.headers) !== 'application/x-www-form-urlencoded') {
		throw oauthError(
			415,
			'invalid_request',
			'Content-Type must be application/x-www-form-urlencoded',
		);
	}
	const form = queryToObject(new URLSearchParams(ctx.rawBody.toString('utf8')));
	for (const key of Object.keys(form)) if (Array.isArray(form[key])) form[key] = form[key][0];
	return form;
}

/** Authenticates the application (Basic header or client_id/client_secret form fields). */
function authenticateClient(ctx, form, { countAsTokenRequest }) {
	const credentials = clientCredentialsOf(ctx, form);
	if (!credentials || !credentials.clientId) {
		throw oauthError(
			401,
			'invalid_client',
			'Client authentication missing: send Authorization: Basic base64(apiKey:apiSecret) or client_id and client_secret',
		);
	}
	if (
		countAsTokenRequest &&
		hitRateLimit(ctx.state, `token:${credentials.clientId}`, ctx.state.config.tokenRateLimit)
	) {
		ctx.metrics.tokenRateLimited();
		throw quotaViolation();
	}
	const application = ctx.state.applications.get(credentials.clientId);
	if (!application) throw oauthError(401, 'invalid_client', 'The API key (client_id) is unknown');
	if (application.apiSecret !== credentials.clientSecret) {
		throw oauthError(
			401,
			'invalid_client',
			'The API secret (client_secret) is not valid for this API key',
		);
	}
	return application;
}

export function mintTokens(state, { application, user, grant, withRefresh }) {
	const now = Date.now();
	const accessTtl = Number(state.config.accessTokenTtlSeconds);
	const access = {
		accessToken: randomToken('tpa-'),
		apiKey: application.apiKey,
		accountId: application.accountId,
		userId: user ? user.id : null,
		grant,
		issuedAt: now,
		expiresAt: now + accessTtl * 1000,
		expired: false,
		revoked: false,
		refreshToken: null,
	};
	const body = { access_token: access.accessToken };
	if (withRefresh) {
		const refreshTtl = Number(state.config.refreshTokenTtlSeconds);
		const refresh = {
			refreshToken: randomToken('tpr-'),
			apiKey: application.apiKey,
			accountId: application.accountId,
			userId: user.id,
			issuedAt: now,
			expiresAt: now + refreshTtl * 1000,
			revoked: false,
		};
		access.refreshToken = refresh.refreshToken;
		state.tokens.refresh.set(refresh.refreshToken, refresh);
		Object.assign(body, {
			refresh_token: refresh.refreshToken,
			expires_in: String(accessTtl),
			issued_at: String(Math.floor(now / 1000)),
			token_type: 'BearerToken',
			refresh_token_issued_at: String(Math.floor(now / 1000)),
			refresh_token_expires_in: String(refreshTtl),
			refresh_token_status: 'approved',
		});
	} else {
		Object.assign(body, {
			expires_in: String(accessTtl),
			issued_at: String(Math.floor(now / 1000)),
			token_type: 'BearerToken',
		});
	}
	state.tokens.access.set(access.accessToken, access);
	return body;
}

function required(form, field) {
	const value = form[field];
	if (typeof value !== 'string' || value === '')
		throw oauthError(400, 'invalid_request', `${field} is required`);
	return value;
}

function passwordGrant(ctx, application, form) {
	const username = required(form, 'username');
	const password = required(form, 'password');
	const user = ctx.state.usersByEmail.get(username.toLowerCase());
	if (!user || user.accountId !== application.accountId || user.password !== password) {
		throw oauthError(400, 'invalid_grant', 'Invalid username or password');
	}
	if (user.twoFactor) {
		throw oauthError(
			400,
			'invalid_grant',
			'Business users with two-factor authentication enabled cannot use the password grant; use client_credentials or authorization_code instead',
		);
	}
	return user;
}

function authorizationCodeGrant(ctx, application, form) {
	const code = required(form, 'code');
	const redirectUri = required(form, 'redirect_uri');
	const entry = ctx.state.tokens.codes.get(code);
	if (
		!entry ||
		entry.used ||
		Date.now() >= entry.expiresAt ||
		entry.clientId !== application.apiKey
	) {
		throw oauthError(
			400,
			'invalid_grant',
			'The authorization code is invalid, expired or already used',
		);
	}
	if (entry.redirectUri !== redirectUri) {
		throw oauthError(
			400,
			'invalid_grant',
			'redirect_uri does not match the one used to obtain the authorization code',
		);
	}
	entry.used = true;
	return ctx.state.users.get(entry.userId);
}

function refreshGrant(ctx, application, form) {
	const token = required(form, 'refresh_token');
	const entry = ctx.state.tokens.refresh.get(token);
	if (
		!entry ||
		entry.revoked ||
		Date.now() >= entry.expiresAt ||
		entry.apiKey !== application.apiKey
	) {
		throw oauthError(400, 'invalid_grant', 'The refresh token is invalid, expired or revoked');
	}
	entry.revoked = true; // rotation: every refresh token is single-use
	return ctx.state.users.get(entry.userId);
}

function tokenHandler({ refreshOnly }) {
	return (ctx) => {
		ctx.metrics.tokenRequest();
		try {
			const form = readForm(ctx);
			const application = authenticateClient(ctx, form, { countAsTokenRequest: true });
			const grant = form.grant_type || (refreshOnly ? 'refresh_token' : null);
			if (!grant) throw oauthError(400, 'invalid_request', 'grant_type is required');
			if (refreshOnly && grant !== 'refresh_token') {
				throw oauthError(
					400,
					'unsupported_grant_type',
					'This endpoint only accepts grant_type=refresh_token',
				);
			}
			let body;
			if (grant === 'client_credentials') {
				body = mintTokens(ctx.state, { application, user: null, grant, withRefresh: false });
			} else if (grant === 'password' || grant === 'authorization_code') {
				const user =
					grant === 'password'
						? passwordGrant(ctx, application, form)
						: authorizationCodeGrant(ctx, application, form);
				body = {
					...mintTokens(ctx.state, { application, user, grant, withRefresh: true }),
					app_enduser: user.id,
					client_id: application.apiKey,
				};
			} else if (grant === 'refresh_token') {
				const user = refreshGrant(ctx, application, form);
				body = mintTokens(ctx.state, { application, user, grant, withRefresh: true });
			} else {
				throw oauthError(400, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
			}
			ctx.metrics.tokenIssued(grant);
			return { status: 200, body };
		} catch (error) {
			if (error instanceof ApiError && error.status !== 429) ctx.metrics.tokenRejected();
			throw error;
		}
	};
}

function revokeHandler(ctx) {
	const form = readForm(ctx);
	if (clientCredentialsOf(ctx, form)) authenticateClient(ctx, form, { countAsTokenRequest: false });
	const token = required(form, 'token');
	const { access, refresh } = ctx.state.tokens;
	if (access.has(token)) access.get(token).revoked = true;
	if (refresh.has(token)) {
		refresh.get(token).revoked = true;
		for (const entry of access.values()) if (entry.refreshToken === token) entry.revoked = true;
	}
	return { status: 200, body: null };
}

/** Authorization-code stand-in for https://authenticate.trustpilot.com (used by the admin API). */
export function issueAuthorizationCode(state, { clientId, redirectUri, userId }) {
	const code = randomToken('', 32);
	state.tokens.codes.set(code, {
		clientId,
		redirectUri,
		userId,
		used: false,
		expiresAt: Date.now() + Number(state.config.authorizationCodeTtlSeconds) * 1000,
	});
	return code;
}

export const oauthRoutes = [
	{
		host: 'api',
		method: 'POST',
		path: `${BASE}/accesstoken`,
		auth: 'none',
		handler: tokenHandler({ refreshOnly: false }),
	},
	{
		host: 'api',
		method: 'POST',
		path: `${BASE}/refresh`,
		auth: 'none',
		handler: tokenHandler({ refreshOnly: true }),
	},
	{ host: 'api', method: 'POST', path: `${BASE}/revoke`, auth: 'none', handler: revokeHandler },
];
