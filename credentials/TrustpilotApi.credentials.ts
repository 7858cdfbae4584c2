import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { sleep, UserError } from 'n8n-workflow';

import { RETRY_POLICY, retryDelayMs, type RetryableFailure } from '../nodes/shared/retry';

import {
	GRANT_PATH,
	RENEW_GRANT_PATH,
	apiBaseUrlOf,
	describeTokenFailure,
	mintTokenOncePerProcess,
	originOf,
	tokenContextOf,
	type TokenRefusedError,
	type TokenResponse,
} from './trustpilotAuth';
import { parseJsonText } from '../nodes/shared/json';

/**
 * One credential for every way into Trustpilot's APIs.
 *
 * n8n's built-in OAuth2 credential cannot be used: it has no password grant, and it signs
 * Trustpilot's `token_type: "BearerToken"` tokens into the query string (see the README).
 * So the token lives in a hidden, expirable field that `preAuthentication` fills: n8n calls it
 * when the field is empty or a request answered 401, and persists what it returns. That keeps
 * one token per lifetime (100 h), which matters because Trustpilot answers 429 to frequent
 * token requests.
 */
export class TrustpilotApi implements ICredentialType {
	name = 'trustpilotApi';

	displayName = 'Trustpilot API';

	icon: Icon = { light: 'file:../icons/trustpilot.svg', dark: 'file:../icons/trustpilot.dark.svg' };

	documentationUrl = 'https://developers.trustpilot.com/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'API Key Only',
					value: 'apiKey',
					description: 'Public data only: business units, public reviews, categories, consumers',
				},
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description:
						"Trustpilot's recommended grant for private data (private reviews, replies, invitations)",
				},
				{
					name: 'Business User Login (Legacy)',
					value: 'password',
					description:
						'Password grant with a business user login. Deprecated by Trustpilot; not possible for users with two-factor authentication.',
				},
			],
			default: 'clientCredentials',
			description:
				'How n8n signs in to Trustpilot. Private reviews, replies and invitations need Client Credentials.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key of your Trustpilot application (Integrations › Developers › APIs)',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The API secret of the same application. Not needed for API Key Only.',
			displayOptions: { show: { authentication: ['clientCredentials', 'password'] } },
		},
		{
			displayName: 'Business User ID',
			name: 'businessUserId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5f3b2c1a9d8e7f6a5b4c3d2e',
			hint: 'Needed for invitations and replies with Client Credentials: copy it from your user profile in Trustpilot Business',
			description:
				'Sent as x-business-user-id where Trustpilot needs a user, and the default author of replies. The user needs the Admin or Manager role.',
			displayOptions: { show: { authentication: ['clientCredentials', 'password'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'name@example.com',
			description: 'The business user login email',
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password of that business user login',
			displayOptions: { show: { authentication: ['password'] } },
		},
		// --- Rate limits (pacing, nodes/Trustpilot/transport/pacing.ts) ---
		{
			displayName: 'Rate Limits',
			name: 'rateLimits',
			type: 'options',
			options: [
				{
					name: "Trustpilot's Documented Limits",
					value: 'documented',
					description:
						'Stay under 833 calls per 5 minutes and 10,000 calls per hour for this API key',
				},
				{
					name: 'Custom Limits',
					value: 'custom',
					description: 'For an account with other limits agreed with Trustpilot',
				},
				{
					name: 'No Pacing',
					value: 'off',
					description: 'Send calls as fast as they come; a 429 is retried a few times, then fails',
				},
			],
			default: 'documented',
			description:
				'Calls are paced per API key inside this n8n process, so long lists slow down to the budget instead of failing',
		},
		{
			displayName: 'Calls per Short Window',
			name: 'shortWindowCalls',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 833,
			description: 'How many calls this API key may make in the short window',
			displayOptions: { show: { rateLimits: ['custom'] } },
		},
		{
			displayName: 'Short Window (Seconds)',
			name: 'shortWindowSeconds',
			type: 'number',
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			default: 300,
			description: 'Length of the short window; Trustpilot documents 833 calls per 300 seconds',
			displayOptions: { show: { rateLimits: ['custom'] } },
		},
		{
			displayName: 'Calls per Long Window',
			name: 'longWindowCalls',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description: 'How many calls this API key may make in the long window',
			displayOptions: { show: { rateLimits: ['custom'] } },
		},
		{
			displayName: 'Long Window (Seconds)',
			name: 'longWindowSeconds',
			type: 'number',
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			default: 3600,
			description: 'Length of the long window; Trustpilot documents 10,000 calls per 3,600 seconds',
			displayOptions: { show: { rateLimits: ['custom'] } },
		},
		{
			displayName: 'Max Wait for the Rate Limit (Minutes)',
			name: 'maxRateLimitWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			default: 60,
			description:
				'An item fails with a rate-limit error only when a single wait for the budget would be longer than this',
			displayOptions: { show: { rateLimits: ['documented', 'custom'] } },
		},
		// --- end of rate limits ---
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'api.trustpilot.com and invitations-api.trustpilot.com',
				},
				{
					name: 'Custom',
					value: 'custom',
					description:
						'Other base URLs, e.g. the local Trustpilot emulator used for demos and tests',
				},
			],
			default: 'production',
			description:
				'Where the requests go. Keep Production unless you test against the local emulator.',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'http://127.0.0.1:8787/v1',
			placeholder: 'https://api.trustpilot.com/v1',
			description: 'Base URL of the main API, including /v1. The OAuth token URL follows it.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Invitations Base URL',
			name: 'invitationsBaseUrl',
			type: 'string',
			default: 'http://127.0.0.1:8788/v1',
			placeholder: 'https://invitations-api.trustpilot.com/v1',
			description: 'Base URL of the Invitations API, including /v1',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			// Which settings minted the stored tokens, so a changed key, mode or login never reuses them.
			displayName: 'Token Context',
			name: 'tokenContext',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	// n8n calls this once per execution that finds the stored token empty or expired; the guard
	// turns a burst of such calls in one process into a single token request (queue mode).
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		// API-key mode has no token; returning no accessToken tells n8n there is nothing to persist.
		if (credentials.authentication === 'apiKey') return {};
		return mintTokenOncePerProcess(credentials, async () =>
			TrustpilotApi.requestTokens.call(this, credentials),
		);
	}

	/** The token request itself: refresh-token grant when a refresh token is stored, else the full grant. */
	static async requestTokens(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const context = tokenContextOf(credentials);
		const baseUrl = apiBaseUrlOf(credentials);
		const requestToken = async (path: string, form: IDataObject): Promise<TokenResponse> => {
			const options: IHttpRequestOptions = {
				method: 'POST',
				url: `${baseUrl}${path}`,
				auth: {
					username: String(credentials.apiKey ?? ''),
					password: String(credentials.apiSecret ?? ''),
				},
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: new URLSearchParams(form as Record<string, string>).toString(),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
				// The request carries key:secret (and the password): a redirect is never followed.
				disableFollowRedirect: true,
			};
			let response!: { statusCode: number; body: unknown; headers?: IDataObject };
			// The same backoff as every other call: a 502/503/504, a 429 or a dropped connection is
			// asked again. Only what is left after that is reported (and only a refusal, not an
			// outage, is remembered by the nodes for the rest of the execution).
			for (let attempt = 0; ; attempt++) {
				let failure: RetryableFailure | undefined;
				let networkError: Error | undefined;
				try {
					response = (await this.helpers.httpRequest(options)) as typeof response;
					if (TRANSIENT_TOKEN_STATUS.has(response.statusCode)) {
						failure = { status: response.statusCode, headers: response.headers ?? {} };
					}
				} catch (error) {
					networkError = error as Error;
					const code = (error as { code?: string; cause?: { code?: string } }).code;
					failure = {
						headers: {},
						code: code ?? (error as { cause?: { code?: string } }).cause?.code,
					};
				}
				if (!failure) break;
				const retryable =
					failure.status !== undefined || TRANSIENT_TOKEN_NETWORK.has(failure.code ?? '');
				const delay =
					retryable && attempt < RETRY_POLICY.maxRetries
						? retryDelayMs(failure, attempt)
						: undefined;
				if (delay !== undefined) {
					await sleep(delay);
					continue;
				}
				if (networkError) {
					throw new UserError(
						`Could not reach the Trustpilot token endpoint at ${baseUrl}: ${networkError.message}`,
					);
				}
				if (failure.status !== 429) {
					throw new UserError(
						`The Trustpilot token endpoint at ${originOf(baseUrl)} is unavailable (HTTP ${failure.status}, still after ${attempt + 1} attempts). This is usually temporary: run it again in a few minutes.`,
					);
				}
				break;
			}
			if (response.statusCode >= 300 && response.statusCode < 400) {
				const headers = (response as { headers?: IDataObject }).headers ?? {};
				const target = originOf(new URL(String(headers.location ?? ''), baseUrl).href);
				throw new TokenRequestError(
					response.statusCode,
					`The Trustpilot token endpoint at ${originOf(baseUrl)} answered with a redirect${target ? ` to ${target}` : ''} (HTTP ${response.statusCode}). It was not followed, so the API secret and password stay with the configured host: check the API Base URL of the credential.`,
				);
			}
			const body = parseJson(response.body);
			if (response.statusCode >= 200 && response.statusCode < 300 && body?.access_token) {
				return body as unknown as TokenResponse;
			}
			throw new TokenRequestError(
				response.statusCode,
				describeTokenFailure(response.statusCode, body, String(form.grant_type)),
			);
		};

		const storedRefresh = String(credentials.refreshToken ?? '');
		if (storedRefresh !== '' && credentials.tokenContext === context) {
			try {
				const refreshed = await requestToken(RENEW_GRANT_PATH, {
					grant_type: 'refresh_token',
					refresh_token: storedRefresh,
				});
				return toStoredTokens(refreshed, context);
			} catch (error) {
				// A rejected refresh token (expired, revoked, rotated elsewhere) falls back to the full
				// grant below; anything else (429, network, bad key) would fail there too, so surface it.
				if (!(error instanceof TokenRequestError) || !error.refreshRejected) throw error;
			}
		}

		const grant: IDataObject =
			credentials.authentication === 'password'
				? {
						grant_type: 'password',
						username: String(credentials.username ?? ''),
						password: String(credentials.password ?? ''),
					}
				: { grant_type: 'client_credentials' };
		return toStoredTokens(await requestToken(GRANT_PATH, grant), context);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// The key always travels as a header: Trustpilot advises against putting it in the query string.
		const headers: IDataObject = { ...(requestOptions.headers ?? {}), apikey: credentials.apiKey };
		// A token minted for other settings (base URL, environment, key, mode, login) is never sent:
		// the request then answers 401 and n8n asks preAuthentication for a token of this host.
		const tokenMatches = credentials.tokenContext === tokenContextOf(credentials);
		if (credentials.authentication !== 'apiKey' && credentials.accessToken && tokenMatches) {
			headers.Authorization = `Bearer ${credentials.accessToken as string}`;
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? String($credentials.apiBaseUrl).trim().replace(/\\/+$/, "") : "https://api.trustpilot.com/v1"}}',
			url: '/resources/metadata/locales',
			method: 'GET',
			// Never carry the key (or a token) to wherever a redirect points.
			disableFollowRedirect: true,
		},
	};
}

// Answers and network errors of the token endpoint that are worth asking again, with the
// transport's backoff: the gateway's outages and rate limit, and dropped or refused connections.
const TRANSIENT_TOKEN_STATUS = new Set([429, 502, 503, 504]);
const TRANSIENT_TOKEN_NETWORK = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
]);

class TokenRequestError extends UserError implements TokenRefusedError {
	readonly refreshRejected: boolean;

	// Read by the nodes' transport: Trustpilot refused to issue a token, so asking again for the
	// next item of the same execution would fail the same way (or turn into a 429).
	readonly trustpilotTokenRefused = true as const;

	constructor(statusCode: number, message: string) {
		super(message);
		this.refreshRejected = statusCode === 400 || statusCode === 401;
	}
}

function parseJson(body: unknown): IDataObject | undefined {
	if (body && typeof body === 'object') return body as IDataObject;
	if (typeof body !== 'string' || body === '') return undefined;
	const json = parseJsonText(body);
	return json.ok ? (json.value as IDataObject) : undefined;
}

function toStoredTokens(token: TokenResponse, context: string): IDataObject {
	return {
		accessToken: token.access_token,
		// client_credentials issues no refresh token: store '' so a stale one is never reused.
		refreshToken: token.refresh_token ?? '',
		tokenContext: context,
	};
}
