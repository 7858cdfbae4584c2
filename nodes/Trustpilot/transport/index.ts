import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	apiBaseUrlOf,
	invitationsBaseUrlOf,
	isTokenRefusal,
	originOf,
} from '../../../credentials/trustpilotAuth';
import { parseJsonText } from '../../shared/json';
import { inspectFailure, toNodeApiError, type FailedResponse } from './errors';
import { pacerFor } from './pacing';
import { isRetryable, outcomeUncertain, RETRY_POLICY, retryDelayMs } from './retry';

export type TrustpilotContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions
	| IHookFunctions;

export const CREDENTIAL_TYPE = 'trustpilotApi';

/** Trustpilot serves invitations from a host of their own; everything else from the API host. */
export type TrustpilotHost = 'api' | 'invitations';

export interface TrustpilotRequest {
	method: IHttpRequestMethods;
	/** Path below the host's `/v1` base, e.g. `/business-units/find`. */
	path: string;
	host?: TrustpilotHost;
	qs?: IDataObject;
	body?: IDataObject;
	/** `private` endpoints need an OAuth mode; checked before anything is sent. */
	access?: 'public' | 'private';
	/**
	 * The call acts as a business user: send the credential's Business User ID as
	 * `x-business-user-id`. `true`: required with Client Credentials (no user in the token);
	 * `'whenSet'`: sent when configured (the body already names the user, e.g. a reply's author).
	 */
	businessUserHeader?: boolean | 'whenSet';
	/** Defaults to true except for POST: a POST is resent only when it cannot have been processed. */
	idempotent?: boolean;
	itemIndex?: number;
	timeoutMs?: number;
	/**
	 * A JSON object (or list) is expected: an empty 2xx body is then a failure (retried like a
	 * cut-off body), never an empty item. Set by `trustpilotJson`; writes answered with 201/204
	 * and no body use `trustpilotRequest` without it.
	 */
	expectBody?: boolean;
}

export interface TrustpilotResponse {
	statusCode: number;
	/** Parsed JSON body; `undefined` for an empty 2xx body. */
	body: IDataObject | IDataObject[] | undefined;
	/**
	 * A DELETE answered 404 after an earlier attempt whose outcome was uncertain (5xx, reset,
	 * timeout): the first attempt most likely deleted it, so it is gone rather than "not found".
	 */
	goneAfterRetry?: boolean;
}

// Per-execution state, keyed by the execution's context object (n8n makes one per run of a node),
// so it is dropped with the execution and never shared between executions.
/** The credential, read once per execution. */
const credentialsOfExecution = new WeakMap<object, ICredentialDataDecryptedObject>();
/** A refused token request, remembered for the rest of the execution (see below). */
const refusedTokenOfExecution = new WeakMap<object, FailedResponse>();

/**
 * How far Trustpilot's clock is ahead of this host's (negative: behind), from the `Date` header
 * of the answers of this execution, against the time each request was sent: a slow answer or a
 * busy host can only make Trustpilot look later, never earlier, than it is (the header's whole
 * seconds make it look up to a second earlier). The largest estimate is kept.
 */
const serverClockOffsetOfExecution = new WeakMap<object, number>();

/**
 * A `Date` further than this from the host's clock is not taken as Trustpilot's: the header may
 * come from a proxy or cache on the way (a cached answer keeps its old `Date`), or be garbage that
 * `Date.parse` still reads (`0` is the year 2000). Taken as Trustpilot's clock, one such answer
 * would move the poll trigger's "now" by years (its window back over the whole history).
 */
const MAX_SERVER_CLOCK_OFFSET_MS = 24 * 60 * 60 * 1000;

function noteServerClock(
	ctx: TrustpilotContext,
	headers: IDataObject | undefined,
	sentAt: number,
): void {
	const raw = headers?.date ?? headers?.Date;
	if (typeof raw !== 'string') return;
	const serverMs = Date.parse(raw);
	if (!Number.isFinite(serverMs)) return;
	const offset = serverMs - sentAt;
	if (Math.abs(offset) > MAX_SERVER_CLOCK_OFFSET_MS) return;
	const known = serverClockOffsetOfExecution.get(ctx);
	if (known === undefined || offset > known) serverClockOffsetOfExecution.set(ctx, offset);
}

/** Trustpilot's clock minus this host's (ms) as seen in this execution; undefined before any answer. */
export function serverClockOffsetMs(ctx: TrustpilotContext): number | undefined {
	return serverClockOffsetOfExecution.get(ctx);
}

export async function getTrustpilotCredentials(
	ctx: TrustpilotContext,
): Promise<ICredentialDataDecryptedObject> {
	const cached = credentialsOfExecution.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	credentialsOfExecution.set(ctx, credentials);
	return credentials;
}

export function isOAuthMode(credentials: ICredentialDataDecryptedObject): boolean {
	return (
		credentials.authentication === 'clientCredentials' || credentials.authentication === 'password'
	);
}

/** What a request or an operation needs from the credential, beyond the API key. */
export interface AccessNeeds {
	access?: 'public' | 'private';
	/** `x-business-user-id` must be sent (a Business User ID is needed with Client Credentials). */
	businessUserHeader?: boolean | 'whenSet';
}

/**
 * Refuses what the credential's mode cannot do, naming only fields visible in that mode. The
 * router calls it with the operation's declared needs before the first request (a "By Domain"
 * lookup included); every request checks again, for callers without a declaration.
 */
export function requireAccess(
	ctx: TrustpilotContext,
	needs: AccessNeeds,
	credentials: ICredentialDataDecryptedObject,
	itemIndex = 0,
): void {
	if (needs.access === 'private' && !isOAuthMode(credentials)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'This operation reads or changes private data, which needs an access token',
			{
				itemIndex,
				description:
					'In the Trustpilot credential, set Authentication to "Client Credentials" (recommended) or "Business User Login". "API Key Only" covers public data only.',
			},
		);
	}
	if (
		needs.businessUserHeader === true &&
		credentials.authentication === 'clientCredentials' &&
		!String(credentials.businessUserId ?? '').trim()
	) {
		throw new NodeOperationError(ctx.getNode(), 'A Business User ID is needed for this operation', {
			itemIndex,
			description: `With Client Credentials, Trustpilot needs to know which business user acts (replies, comments, tags, invitations and other writes). Set the "Business User ID" field of the Trustpilot credential (copy it from your user profile in Trustpilot Business; the user needs the Admin or Manager role), or use "Business User Login".`,
		});
	}
}

function baseUrlFor(credentials: ICredentialDataDecryptedObject, host: TrustpilotHost): string {
	return host === 'invitations' ? invitationsBaseUrlOf(credentials) : apiBaseUrlOf(credentials);
}

/** A 2xx whose body should be JSON but is not (e.g. cut off) is a failure, never silent data. */
function parseSuccessBody(
	raw: unknown,
): { ok: true; body: TrustpilotResponse['body'] } | { ok: false } {
	if (raw === undefined || raw === null || raw === '') return { ok: true, body: undefined };
	if (typeof raw === 'object') return { ok: true, body: raw as IDataObject };
	if (typeof raw === 'string') {
		const json = parseJsonText(raw);
		return json.ok ? { ok: true, body: json.value as IDataObject } : { ok: false };
	}
	return { ok: false };
}

const MAX_REDIRECTS = 3;

function isRedirect(status: number | undefined): boolean {
	return status !== undefined && status >= 300 && status < 400;
}

/**
 * Where a redirect may be followed: only a GET, only to the origin the credential names, at most
 * three times. Anything else is an error, so the apikey, the token and a write's body never reach
 * a host other than the configured one.
 */
function redirectTarget(
	ctx: TrustpilotContext,
	failure: FailedResponse,
	options: IHttpRequestOptions,
	configuredOrigin: string,
	redirects: number,
	errorContext: { itemIndex: number; method: string; path: string },
): string {
	const location = String(failure.headers.location ?? failure.headers.Location ?? '');
	let target: URL | undefined;
	try {
		target = new URL(location, String(options.url));
	} catch {
		target = undefined;
	}
	const where = `Request: ${errorContext.method} ${errorContext.path}`;
	if (
		target &&
		target.origin === configuredOrigin &&
		options.method === 'GET' &&
		redirects <= MAX_REDIRECTS
	) {
		return target.href;
	}
	const reason = !target
		? 'a redirect without a valid target'
		: target.origin !== configuredOrigin
			? `a redirect to another host (${target.origin})`
			: redirects > MAX_REDIRECTS
				? 'too many redirects'
				: `a redirect for a ${String(options.method)} request`;
	throw new NodeOperationError(
		ctx.getNode(),
		`Trustpilot answered with ${reason}; it was not followed`,
		{
			itemIndex: errorContext.itemIndex,
			description: `HTTP ${failure.status} from ${configuredOrigin}. Redirects are followed only for reads on the same host, so the API key, the access token and request bodies never travel to another host. Check the base URLs of the Trustpilot credential (or a proxy in front of them).\n${where}`,
		},
	);
}

/**
 * The one way this package talks to Trustpilot: base URLs, authentication (through n8n's
 * credential helper, which also refreshes the token on a 401), retries with backoff, and errors.
 */
export async function trustpilotRequest(
	ctx: TrustpilotContext,
	request: TrustpilotRequest,
): Promise<TrustpilotResponse> {
	const credentials = await getTrustpilotCredentials(ctx);
	requireAccess(ctx, request, credentials, request.itemIndex ?? 0);
	const host = request.host ?? 'api';
	const headers: IDataObject = { Accept: 'application/json' };
	if (request.businessUserHeader && String(credentials.businessUserId ?? '').trim()) {
		headers['x-business-user-id'] = String(credentials.businessUserId).trim();
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrlFor(credentials, host)}${request.path}`,
		qs: request.qs,
		headers,
		returnFullResponse: true,
		json: true,
		timeout: request.timeoutMs ?? 60000,
		// n8n's helper would follow a redirect to any host with the apikey header (and, by default,
		// the Bearer token). Redirects are handled below: same origin only, never with a body.
		disableFollowRedirect: true,
	};
	const configuredOrigin = originOf(String(options.url));
	let redirects = 0;
	let uncertainEarlier = false;
	if (request.body !== undefined) {
		options.body = request.body;
		headers['Content-Type'] = 'application/json';
	}
	const idempotent = request.idempotent ?? request.method !== 'POST';
	const errorContext = {
		node: ctx.getNode(),
		itemIndex: request.itemIndex ?? 0,
		method: request.method,
		path: `${host === 'invitations' ? '[invitations] ' : ''}${request.path}`,
	};

	// After Trustpilot refused a token (bad secret or login, 429), every other item would ask again:
	// from the sixth on the answer becomes a 429 that hides the real cause. Fail them the same way.
	const refused = refusedTokenOfExecution.get(ctx);
	if (refused) throw toNodeApiError(refused, errorContext);

	// Pacing (pacing.ts): each attempt takes a slot in the API key's budget, waiting when it is used up.
	const pacer = pacerFor(credentials, apiBaseUrlOf(credentials), {
		node: ctx.getNode(),
		itemIndex: request.itemIndex ?? 0,
		logger: ctx.logger,
	});

	// A redirect is followed on the same origin only (redirectTarget refuses the rest); the
	// target carries its own query string. The attempt it took does not count as a retry.
	const followRedirect = (redirect: FailedResponse) => {
		options.url = redirectTarget(
			ctx,
			redirect,
			options,
			configuredOrigin,
			++redirects,
			errorContext,
		);
		options.qs = undefined;
	};

	for (let attempt = 0; ; attempt++) {
		const paceMs = pacer?.reserve() ?? 0;
		if (paceMs > 0) await sleep(paceMs);
		let failure: FailedResponse;
		const sentAt = Date.now();
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_TYPE,
				options,
			)) as { statusCode: number; body: unknown; headers: IDataObject };
			if (isRedirect(response.statusCode)) {
				const redirect = {
					status: response.statusCode,
					headers: response.headers ?? {},
					body: undefined,
					message: '',
				};
				followRedirect(redirect);
				attempt--;
				continue;
			}
			noteServerClock(ctx, response.headers, sentAt);
			const parsed = parseSuccessBody(response.body);
			const missing = parsed.ok && parsed.body === undefined && request.expectBody === true;
			if (parsed.ok && !missing) return { statusCode: response.statusCode, body: parsed.body };
			failure = {
				status: response.statusCode,
				headers: response.headers ?? {},
				body: undefined,
				code: 'EBADJSON',
				message: missing
					? `Trustpilot sent an empty response (HTTP ${response.statusCode}) where data was expected`
					: 'Trustpilot sent an incomplete or invalid JSON response',
			};
		} catch (error) {
			failure = inspectFailure(error);
			if (isTokenRefusal(error)) {
				refusedTokenOfExecution.set(ctx, failure);
				throw toNodeApiError(failure, errorContext);
			}
			if (isRedirect(failure.status)) {
				followRedirect(failure);
				attempt--;
				continue;
			}
		} finally {
			pacer?.settle();
		}
		if (request.method === 'DELETE' && failure.status === 404 && uncertainEarlier) {
			return { statusCode: 404, body: undefined, goneAfterRetry: true };
		}
		if (failure.code !== 'EBADJSON' && outcomeUncertain(failure)) uncertainEarlier = true;
		const corruptSuccess = failure.code === 'EBADJSON';
		const canRetry = corruptSuccess ? idempotent : isRetryable(failure, idempotent);
		const delay =
			pacer && failure.status === 429
				? pacer.afterRateLimit(failure)
				: canRetry && attempt < RETRY_POLICY.maxRetries
					? retryDelayMs(failure, attempt)
					: undefined;
		if (delay === undefined) {
			const uncertain = !idempotent && (corruptSuccess || outcomeUncertain(failure));
			if (corruptSuccess) failure = { ...failure, status: undefined, code: undefined };
			throw toNodeApiError(failure, { ...errorContext, outcomeUncertain: uncertain });
		}
		await sleep(delay);
	}
}

/** Convenience for the common case: the JSON body; an empty 2xx answer is an error. */
export async function trustpilotJson(
	ctx: TrustpilotContext,
	request: TrustpilotRequest,
): Promise<IDataObject> {
	const { body } = await trustpilotRequest(ctx, { expectBody: true, ...request });
	if (body === undefined) return {};
	return Array.isArray(body) ? { items: body } : body;
}
