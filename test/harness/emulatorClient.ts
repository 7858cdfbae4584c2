// Typed client for the emulator's admin API (/__emulator) plus small helpers for calling the
// emulated Trustpilot endpoints from tests. Uses the global fetch only.
import type { IDataObject } from 'n8n-workflow';

export interface EmulatorUser {
	id: string;
	email: string;
	password: string;
	name: string;
	role: 'admin' | 'manager' | 'reader';
	twoFactor: boolean;
}

export interface EmulatorTemplate {
	id: string;
	name: string;
	isDefaultTemplate: boolean;
	locale: string;
	type: string;
}

export interface EmulatorLocation {
	id: string;
	name: string;
	externalId: string;
	urlFormattedName: string;
}

export interface EmulatorConfig {
	accessTokenTtlSeconds: number;
	refreshTokenTtlSeconds: number;
	authorizationCodeTtlSeconds: number;
	tokenRateLimit: { max: number; windowSeconds: number } | null;
	rateLimit: { max: number; windowSeconds: number } | null;
	logBodies: boolean;
	requireApiKeyOnPrivate: boolean;
	/** Behaviours the sources leave open (emulator/lib/variants.mjs). */
	variants: string[];
}

export interface EmulatorInfo {
	account: {
		id: string;
		name: string;
		apiKey: string;
		apiSecret: string;
		businessUser: EmulatorUser;
		twoFactorUser: EmulatorUser;
		readerUser: EmulatorUser;
	};
	otherAccount: {
		id: string;
		apiKey: string;
		apiSecret: string;
		businessUser: EmulatorUser;
		businessUnitId: string;
	};
	mainBusinessUnit: { id: string; domain: string; displayName: string };
	businessUnits: Array<{
		id: string;
		domain: string;
		displayName: string;
		country: string;
		reviewCount: number;
		reportedReviewCount: number;
		productReviewCount: number;
	}>;
	locations: EmulatorLocation[];
	templates: EmulatorTemplate[];
	skus: string[];
	importedReviewSkus: string[];
	publicBusinessUnitCount: number;
	bgl: { domain: string; encryptKey: string; authKey: string };
	config: EmulatorConfig;
	urls: { apiUrl: string; invitationsUrl: string; adminUrl: string };
}

export interface LoggedRequest {
	seq: number;
	host: 'api' | 'invitations';
	method: string;
	path: string;
	route: string | null;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[]>;
	body: unknown;
	status: number | null;
	durationMs: number;
	faultId: string | null;
	at: string;
}

export interface Counters {
	byRoute: Record<string, number>;
	byStatus: Record<string, number>;
	tokenRequests: {
		total: number;
		issued: number;
		rejected: number;
		rateLimited: number;
		byGrant: Record<string, number>;
	};
	tokensIssued: number;
	requestsByToken: Record<string, number>;
}

export interface FaultSpec {
	match?: {
		host?: 'api' | 'invitations';
		method?: string;
		route?: string;
		pathPrefix?: string;
		pathRegex?: string;
	};
	action: {
		status?: number;
		body?: unknown;
		headers?: Record<string, string>;
		html?: boolean;
		truncateJson?: boolean;
		reset?: boolean;
		latencyMs?: number;
		afterProcess?: boolean;
	};
	times?: number;
	probability?: number;
	skip?: number;
}

export interface FaultState extends Required<Pick<FaultSpec, 'times' | 'probability' | 'skip'>> {
	id: string;
	match: NonNullable<FaultSpec['match']>;
	action: FaultSpec['action'];
	hits: number;
	seen: number;
}

export interface AddReviewsRequest {
	businessUnitId: string;
	count?: number;
	stars?: number;
	language?: string;
	text?: string;
	title?: string;
	referenceId?: string;
	email?: string;
	tags?: Array<{ group: string; value: string }>;
	locationId?: string;
	/** Created as reported by the business (hidden from lists unless asked for). */
	reported?: boolean;
	/** Stamp them 1 ms apart from this instant (epoch ms or ISO date): reviews that already exist. */
	since?: number | string;
}

/** A JSON object; typed as n8n's IDataObject so results can be fed to nodes and assertions directly. */
export type JsonObject = IDataObject;

export interface EmulatorStateSnapshot {
	emailInvitations: JsonObject[];
	invitationLinks: JsonObject[];
	productInvitationLinks: JsonObject[];
	invitationDataDeletions: JsonObject[];
	findReviewerRequests: JsonObject[];
	conversations: JsonObject[];
	products: JsonObject[];
	bglSubmissions: JsonObject[];
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON body, or undefined when the body is empty or not JSON. */
	json: T;
}

/** Calls any URL and returns status, headers, raw text and parsed JSON (when it parses). */
export async function callApi<T = JsonObject>(
	url: string,
	init: RequestInit = {},
): Promise<ApiResponse<T>> {
	const response = await fetch(url, { redirect: 'manual', ...init });
	const text = await response.text();
	let json: unknown;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json: json as T };
}

export const basicAuth = (user: string, secret: string): string =>
	`Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

export interface TokenResponse {
	access_token: string;
	refresh_token?: string;
	expires_in: string;
	issued_at: string;
	token_type: string;
	refresh_token_issued_at?: string;
	refresh_token_expires_in?: string;
	refresh_token_status?: string;
	app_enduser?: string;
	client_id?: string;
}

export class EmulatorClient {
	constructor(readonly adminUrl: string) {}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const init: RequestInit = { method, redirect: 'manual' };
		if (body !== undefined) {
			init.headers = { 'content-type': 'application/json' };
			init.body = JSON.stringify(body);
		}
		const response = await fetch(`${this.adminUrl}${path}`, init);
		const text = await response.text();
		if (response.status >= 400) {
			throw new Error(`admin ${method} ${path} failed with ${response.status}: ${text}`);
		}
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}

	info(): Promise<EmulatorInfo> {
		return this.call('GET', '/info');
	}

	reset(
		body: { seed?: Record<string, string>; config?: Partial<EmulatorConfig> } = {},
	): Promise<EmulatorInfo> {
		return this.call('POST', '/reset', body);
	}

	config(partial: Partial<EmulatorConfig> = {}): Promise<EmulatorConfig> {
		return this.call('POST', '/config', partial);
	}

	async requests(
		filter: { host?: string; method?: string; pathPrefix?: string; since?: number } = {},
	): Promise<LoggedRequest[]> {
		const params = new URLSearchParams();
		for (const [key, value] of Object.entries(filter))
			if (value !== undefined) params.set(key, String(value));
		const query = params.toString();
		const result = await this.call<{ requests: LoggedRequest[] }>(
			'GET',
			`/requests${query ? `?${query}` : ''}`,
		);
		return result.requests;
	}

	async clearRequests(): Promise<void> {
		await this.call('DELETE', '/requests');
	}

	counters(): Promise<Counters> {
		return this.call('GET', '/counters');
	}

	expireTokens(accessToken?: string): Promise<{ expired: number }> {
		return this.call('POST', '/tokens/expire', accessToken ? { accessToken } : {});
	}

	revokeRefreshTokens(): Promise<{ revoked: number }> {
		return this.call('POST', '/tokens/revoke-refresh', {});
	}

	async addFault(spec: FaultSpec): Promise<string> {
		const result = await this.call<{ id: string }>('POST', '/faults', spec);
		return result.id;
	}

	async faults(): Promise<FaultState[]> {
		const result = await this.call<{ faults: FaultState[] }>('GET', '/faults');
		return result.faults;
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', '/faults');
	}

	async removeFault(id: string): Promise<void> {
		await this.call('DELETE', `/faults/${encodeURIComponent(id)}`);
	}

	addReviews(
		body: AddReviewsRequest,
	): Promise<{ count: number; truncated: boolean; reviews: JsonObject[] }> {
		return this.call('POST', '/reviews', body);
	}

	patchReview(
		id: string,
		body: { stars?: number; text?: string; title?: string; reported?: boolean },
	): Promise<JsonObject> {
		return this.call('PATCH', `/reviews/${encodeURIComponent(id)}`, body);
	}

	async deleteReview(id: string): Promise<void> {
		await this.call('DELETE', `/reviews/${encodeURIComponent(id)}`);
	}

	getReview(id: string): Promise<JsonObject> {
		return this.call('GET', `/reviews/${encodeURIComponent(id)}`);
	}

	addProductReviews(body: {
		businessUnitId: string;
		sku: string;
		count?: number;
		stars?: number;
		state?: string;
		language?: string;
		content?: string;
		email?: string;
	}): Promise<{ count: number; truncated: boolean; productReviews: JsonObject[] }> {
		return this.call('POST', '/product-reviews', body);
	}

	state(): Promise<EmulatorStateSnapshot> {
		return this.call('GET', '/state');
	}

	fireWebhook(body: {
		url: string;
		events?: Array<{ eventName: string; version?: string; eventData?: unknown }>;
		eventName?: string;
		reviewId?: string;
		version?: string;
		headers?: Record<string, string>;
		rawBody?: string;
	}): Promise<{ status: number; body: string }> {
		return this.call('POST', '/webhooks/fire', body);
	}

	bglDecrypt(body: {
		payload: string;
		encryptKey: string;
		authKey: string;
	}): Promise<{ ok: boolean; plaintext?: string; error?: string }> {
		return this.call('POST', '/bgl/decrypt', body);
	}

	/** Runs the authorization-code stand-in and returns the redirect target (Location header). */
	async authorize(params: Record<string, string>): Promise<string> {
		const response = await fetch(
			`${this.adminUrl}/authorize?${new URLSearchParams(params).toString()}`,
			{ redirect: 'manual' },
		);
		await response.text();
		const location = response.headers.get('location');
		if (response.status !== 302 || !location)
			throw new Error(`authorize answered ${response.status} without a redirect`);
		return location;
	}
}

/** POSTs a form to the OAuth token endpoint of the emulated API host. */
export async function requestToken(
	apiUrl: string,
	form: Record<string, string>,
	client?: { apiKey: string; apiSecret: string; inBody?: boolean },
	endpoint: 'accesstoken' | 'refresh' | 'revoke' = 'accesstoken',
): Promise<ApiResponse<TokenResponse & { ErrorCode?: string; Error?: string }>> {
	const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
	const fields = { ...form };
	if (client && client.inBody) {
		fields.client_id = client.apiKey;
		fields.client_secret = client.apiSecret;
	} else if (client) {
		headers.authorization = basicAuth(client.apiKey, client.apiSecret);
	}
	return callApi(`${apiUrl}/oauth/oauth-business-users-for-applications/${endpoint}`, {
		method: 'POST',
		headers,
		body: new URLSearchParams(fields).toString(),
	});
}
