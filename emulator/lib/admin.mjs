// Admin API under /__emulator on both hosts (same state). Not Trustpilot's: JSON in/out, no auth,
// never logged or counted.
import { ApiError, badRequest, notFound } from './errors.mjs';
import { queryToObject, sendJson } from './http.mjs';
import { mergeConfig } from './state.mjs';
import { hasVariant, parseVariants } from './variants.mjs';
import { budgetCounters } from './budget.mjs';
import { conversationShape } from './shapes.mjs';
import { issueAuthorizationCode, mintTokens } from './oauth.mjs';
import { decryptBglPayload } from './bgl.mjs';
import { buildEvents, postWebhook } from './webhooks.mjs';
import {
	addProductReviews,
	addReviews,
	deleteReview,
	getReview,
	patchReview,
} from './adminReviews.mjs';

function parseAdminBody(rawBody) {
	if (!rawBody || rawBody.length === 0) return {};
	try {
		return JSON.parse(rawBody.toString('utf8'));
	} catch {
		throw badRequest('body', 'is not valid JSON');
	}
}

const userInfo = (user) => ({
	id: user.id,
	email: user.email,
	password: user.password,
	name: user.name,
	role: user.role,
	twoFactor: user.twoFactor,
});

export function info(instance) {
	const { state } = instance;
	const { main } = state;
	const mainBu = state.businessUnits.get(main.businessUnitId);
	const account = state.accounts.get(main.accountId);
	const application = [...state.applications.values()].find((app) => app.accountId === account.id);
	const otherApplication = [...state.applications.values()].find(
		(app) => app.accountId === main.other.account.id,
	);
	return {
		account: {
			id: account.id,
			name: account.name,
			apiKey: application.apiKey,
			apiSecret: application.apiSecret,
			businessUser: userInfo(main.admin),
			twoFactorUser: userInfo(main.twoFactor),
			readerUser: userInfo(main.reader),
		},
		otherAccount: {
			id: main.other.account.id,
			apiKey: otherApplication.apiKey,
			apiSecret: otherApplication.apiSecret,
			businessUser: userInfo(main.other.user),
			businessUnitId: main.other.businessUnitId,
		},
		mainBusinessUnit: {
			id: mainBu.id,
			domain: mainBu.identifyingName,
			displayName: mainBu.displayName,
		},
		businessUnits: account.businessUnitIds.map((id) => {
			const bu = state.businessUnits.get(id);
			return {
				id: bu.id,
				domain: bu.identifyingName,
				displayName: bu.displayName,
				country: bu.country,
				reviewCount: bu.reviews.length,
				reportedReviewCount: bu.reviews.filter((review) => review.reportData).length,
				productReviewCount: bu.productReviews.length,
			};
		}),
		locations: mainBu.locations.map((location) => ({ ...location })),
		templates: mainBu.templates.map((template) => ({ ...template })),
		skus: [...mainBu.products.keys()],
		importedReviewSkus: [...new Set(mainBu.importedReviews.map((review) => review.sku))],
		publicBusinessUnitCount: state.businessUnitList.length,
		bgl: { ...state.bgl },
		config: { ...state.config },
		urls: {
			apiUrl: `${instance.origins.api}/v1`,
			invitationsUrl: `${instance.origins.invitations}/v1`,
			adminUrl: `${instance.origins.api}/__emulator`,
		},
	};
}

function snapshotState(state) {
	const products = [];
	for (const bu of state.businessUnits.values())
		for (const product of bu.products.values()) products.push({ ...product });
	return {
		...JSON.parse(JSON.stringify(state.records)),
		conversations: [...state.conversations.values()].map(conversationShape),
		products,
	};
}

function validateConfig(partial) {
	if (typeof partial !== 'object' || partial === null || Array.isArray(partial))
		throw badRequest('body', 'must be a JSON object');
	for (const key of [
		'accessTokenTtlSeconds',
		'refreshTokenTtlSeconds',
		'authorizationCodeTtlSeconds',
	]) {
		if (partial[key] !== undefined && !(Number.isFinite(partial[key]) && partial[key] > 0))
			throw badRequest(key, 'must be a positive number');
	}
	for (const key of ['tokenRateLimit', 'rateLimit']) {
		const value = partial[key];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'object') throw badRequest(key, 'must be {max, windowSeconds} or null');
		if (value.max !== undefined && !(Number.isInteger(value.max) && value.max >= 0))
			throw badRequest(`${key}.max`, 'must be a non-negative integer');
		if (
			value.windowSeconds !== undefined &&
			!(Number.isFinite(value.windowSeconds) && value.windowSeconds > 0)
		) {
			throw badRequest(`${key}.windowSeconds`, 'must be a positive number');
		}
	}
	if (partial.variants !== undefined) {
		try {
			partial.variants = parseVariants(partial.variants);
		} catch (error) {
			throw badRequest('variants', error.message);
		}
	}
	return partial;
}

/** Authorization-code (and implicit) stand-in for authenticate.trustpilot.com: redirects immediately. */
function authorize(instance, query) {
	const { state } = instance;
	const clientId = query.client_id;
	const application = clientId ? state.applications.get(clientId) : null;
	if (!application) throw badRequest('client_id', 'unknown API key');
	let redirect;
	try {
		redirect = new URL(query.redirect_uri);
	} catch {
		throw badRequest('redirect_uri', 'must be an absolute URL');
	}
	const responseType = query.response_type ?? 'code';
	const username = query.username ?? state.seedOptions.username;
	const user = state.usersByEmail.get(String(username).toLowerCase());
	if (!user || user.accountId !== application.accountId)
		throw badRequest('username', "is not a business user of this API key's account");
	if (responseType === 'code') {
		redirect.searchParams.set(
			'code',
			issueAuthorizationCode(state, { clientId, redirectUri: query.redirect_uri, userId: user.id }),
		);
		if (query.state !== undefined) redirect.searchParams.set('state', query.state);
	} else if (responseType === 'token') {
		const token = mintTokens(state, { application, user, grant: 'implicit', withRefresh: false });
		const fragment = new URLSearchParams({
			access_token: token.access_token,
			token_type: 'bearer',
			expires_in: token.expires_in,
		});
		if (query.state !== undefined) fragment.set('state', query.state);
		redirect.hash = fragment.toString();
	} else {
		throw badRequest('response_type', 'must be code or token');
	}
	return { status: 302, headers: { location: redirect.toString() }, body: null };
}

async function route(instance, method, path, query, body) {
	const { state } = instance;
	const key = `${method} ${path}`;
	switch (key) {
		case 'GET /info':
			return { status: 200, body: info(instance) };
		case 'POST /reset':
			instance.reset({
				seed: body.seed,
				config: body.config === undefined ? undefined : validateConfig(body.config),
			});
			return { status: 200, body: info(instance) };
		case 'GET /config':
			return { status: 200, body: { ...state.config } };
		case 'POST /config':
			state.config = mergeConfig(state.config, validateConfig(body));
			return { status: 200, body: { ...state.config } };
		case 'GET /requests':
			return { status: 200, body: { requests: instance.log.query(query) } };
		case 'DELETE /requests':
			instance.log.clear();
			return { status: 204, body: null };
		case 'GET /counters':
			return { status: 200, body: instance.metrics.snapshot() };
		case 'GET /budget':
			return { status: 200, body: { budget: state.config.budget, ...budgetCounters(state) } };
		case 'POST /tokens/expire': {
			let expired = 0;
			for (const token of state.tokens.access.values()) {
				if (!body.accessToken || token.accessToken === body.accessToken) {
					token.expired = true;
					expired += 1;
				}
			}
			return { status: 200, body: { expired } };
		}
		case 'POST /tokens/revoke-refresh': {
			let revoked = 0;
			for (const token of state.tokens.refresh.values())
				if (!token.revoked) {
					token.revoked = true;
					revoked += 1;
				}
			return { status: 200, body: { revoked } };
		}
		case 'POST /faults':
			return { status: 201, body: { id: instance.faults.add(body) } };
		case 'GET /faults':
			return { status: 200, body: { faults: instance.faults.list() } };
		case 'DELETE /faults':
			instance.faults.clear();
			return { status: 204, body: null };
		case 'POST /reviews':
			return { status: 201, body: addReviews(instance, body) };
		case 'POST /product-reviews':
			return { status: 201, body: addProductReviews(instance, body) };
		case 'GET /state':
			return { status: 200, body: snapshotState(state) };
		case 'GET /authorize':
			return authorize(instance, query);
		case 'POST /bgl/decrypt':
			return { status: 200, body: decryptBglPayload(body.payload, body.encryptKey, body.authKey) };
		case 'POST /webhooks/fire': {
			if (typeof body.url !== 'string') throw badRequest('url', 'is required');
			const text =
				typeof body.rawBody === 'string'
					? body.rawBody
					: JSON.stringify({ events: buildEvents(state, body, instance.origins.api) });
			try {
				return {
					status: 200,
					body: await postWebhook(body.url, text, body.headers ?? {}, {
						sendBasic: !hasVariant(state, 'webhook-no-basic'),
					}),
				};
			} catch (error) {
				if (error instanceof ApiError) throw error;
				return { status: 502, body: { error: error.message } };
			}
		}
		default:
			break;
	}
	const faultId = /^\/faults\/([^/]+)$/.exec(path);
	if (faultId && method === 'DELETE') {
		if (!instance.faults.remove(decodeURIComponent(faultId[1])))
			throw notFound(`Fault ${faultId[1]} not found`);
		return { status: 204, body: null };
	}
	const reviewId = /^\/reviews\/([^/]+)$/.exec(path);
	if (reviewId) {
		const id = decodeURIComponent(reviewId[1]);
		if (method === 'GET') return { status: 200, body: getReview(instance, id) };
		if (method === 'PATCH') return { status: 200, body: patchReview(instance, id, body) };
		if (method === 'DELETE') {
			deleteReview(instance, id);
			return { status: 204, body: null };
		}
	}
	throw notFound(`Unknown admin endpoint ${method} /__emulator${path}`);
}

export async function handleAdmin(instance, { req, res, url, rawBody }) {
	const path = url.pathname.replace(/^\/__emulator/, '') || '/';
	let result;
	try {
		const body = parseAdminBody(rawBody);
		result = await route(
			instance,
			req.method,
			path.replace(/\/$/, '') || '/',
			queryToObject(url.searchParams),
			body,
		);
	} catch (error) {
		result =
			error instanceof ApiError
				? { status: error.status, body: error.body }
				: { status: 500, body: { errorCode: 500, message: error.message } };
	}
	if (result.body === null) {
		res.writeHead(result.status, { 'content-length': 0, ...(result.headers ?? {}) });
		res.end();
	} else {
		sendJson(res, result.status, result.body, result.headers ?? {});
	}
}
