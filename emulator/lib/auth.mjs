// API-key and Bearer checks, and business-unit / business-user authorisation.
import { expiredAccessToken, forbidden, invalidAccessToken, invalidApiKey } from './errors.mjs';
import { single } from './pagination.mjs';
import { hasVariant } from './variants.mjs';

export function presentedApiKey(ctx) {
	const header = ctx.headers.apikey;
	if (typeof header === 'string' && header !== '') return header;
	const fromQuery = single(ctx.query, 'apikey');
	return fromQuery || null;
}

/** Public endpoints: a known API key in the `apikey` header or `?apikey=` query. */
export function requireApiKey(ctx) {
	const key = presentedApiKey(ctx);
	const application = key ? ctx.state.applications.get(key) : null;
	if (!application) throw invalidApiKey();
	ctx.application = application;
	ctx.account = ctx.state.accounts.get(application.accountId);
}

function bearerOf(ctx) {
	const header = ctx.headers.authorization;
	if (typeof header !== 'string') return null;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match ? match[1] : null;
}

/** Private endpoints: API key (unless configured off) plus a live access token minted for that key. */
export function requireAccessToken(ctx) {
	const { state } = ctx;
	const key = presentedApiKey(ctx);
	const keyRequired =
		state.config.requireApiKeyOnPrivate && !hasVariant(state, 'apikey-not-required');
	if (key || keyRequired) requireApiKey(ctx);
	const raw = bearerOf(ctx);
	const token = raw ? state.tokens.access.get(raw) : null;
	if (!token || token.revoked) throw invalidAccessToken();
	if (ctx.application && token.apiKey !== ctx.application.apiKey) throw invalidAccessToken();
	if (token.expired || Date.now() >= token.expiresAt) throw expiredAccessToken();
	ctx.token = token;
	ctx.metrics?.tokenUse(token.accessToken);
	ctx.application = state.applications.get(token.apiKey);
	ctx.account = state.accounts.get(token.accountId);
	ctx.user = token.userId ? state.users.get(token.userId) : null;
}

/**
 * A business unit the caller may act on: it must belong to the token's account and, for user
 * tokens, be one the user can access. Unknown and foreign ids both give 403 (Trustpilot answers
 * wrong business-unit ids with 403).
 */
export function requireOwnBusinessUnit(ctx, businessUnitId) {
	const bu = ctx.state.businessUnits.get(businessUnitId);
	if (!bu || bu.accountId !== ctx.account.id) {
		throw forbidden(
			`Access denied: business unit ${businessUnitId} is not accessible with this access token`,
		);
	}
	if (ctx.user && !ctx.user.businessUnitIds.includes(bu.id)) {
		throw forbidden(
			`Access denied: business user ${ctx.user.id} has no access to business unit ${bu.id}`,
		);
	}
	return bu;
}

const INVITING_ROLES = new Set(['admin', 'manager']);

/**
 * The business user on whose behalf an invitation call runs: `x-business-user-id` (required with
 * client_credentials tokens) or the token's own user. Must be an Admin/Manager of the unit.
 */
export function requireInvitingUser(ctx, bu) {
	const header = ctx.headers['x-business-user-id'];
	const headerId = typeof header === 'string' && header.trim() !== '' ? header.trim() : null;
	if (!headerId && !ctx.user) {
		throw forbidden(
			'x-business-user-id: header is required when the access token was issued with the client_credentials grant',
		);
	}
	const userId = headerId ?? ctx.user.id;
	const user = ctx.state.users.get(userId);
	if (!user || user.accountId !== bu.accountId || !user.businessUnitIds.includes(bu.id)) {
		throw forbidden(
			`x-business-user-id: ${userId} is not a business user of business unit ${bu.id}`,
		);
	}
	if (!INVITING_ROLES.has(user.role)) {
		throw forbidden(
			`x-business-user-id: business user ${userId} needs the Admin or Manager role to manage invitations`,
		);
	}
	return user;
}

/**
 * The business user a write acts as (comments, conversations, tags, Find Reviewer): the docs say
 * endpoints that need a user's ID take it as a header or in the body. With a client_credentials
 * token there is no user, so `x-business-user-id` is required (inferred, like invitations);
 * with a user token the header is optional and defaults to the token's user.
 */
export function requireActingUser(ctx, bu) {
	const header = ctx.headers['x-business-user-id'];
	if (typeof header === 'string' && header.trim() !== '') {
		const user = ctx.state.users.get(header.trim());
		if (!user || !user.businessUnitIds.includes(bu.id)) {
			throw forbidden(
				`x-business-user-id: ${header.trim()} is not a business user of business unit ${bu.id}`,
			);
		}
		return user;
	}
	if (ctx.user) return ctx.user;
	throw forbidden(
		'x-business-user-id: header is required when the access token was issued with the client_credentials grant',
	);
}
