import { sleep } from 'n8n-workflow';

import { startEmulator } from '../harness/emulator.cjs';
import { useEmulator } from '../harness/fixtures';
import {
	callApi,
	EmulatorClient,
	requestToken,
	type EmulatorInfo,
	type JsonObject,
} from '../harness/emulatorClient';

const env = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });

const key = () => ({ apikey: env.info.account.apiKey });

interface Client {
	apiKey: string;
	apiSecret: string;
	businessUser: { email: string; password: string };
}

async function token(
	grant: 'client_credentials' | 'password',
	client: Client = env.info.account,
): Promise<string> {
	const form: Record<string, string> =
		grant === 'password'
			? {
					grant_type: 'password',
					username: client.businessUser.email,
					password: client.businessUser.password,
				}
			: { grant_type: 'client_credentials' };
	const response = await requestToken(env.handle.apiUrl, form, {
		apiKey: client.apiKey,
		apiSecret: client.apiSecret,
	});
	expect(response.status).toBe(200);
	return response.json.access_token;
}

describe('process and hosts', () => {
	it('prints URLs for two distinct loopback ports and serves the admin API on both', async () => {
		expect(env.handle.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
		expect(env.handle.invitationsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
		expect(env.handle.apiOrigin).not.toBe(env.handle.invitationsOrigin);
		expect(env.handle.adminUrl).toBe(`${env.handle.apiOrigin}/__emulator`);
		const viaInvitations = await callApi<EmulatorInfo>(
			`${env.handle.invitationsOrigin}/__emulator/info`,
		);
		expect(viaInvitations.json.mainBusinessUnit.id).toBe(env.info.mainBusinessUnit.id);
		expect(env.info.mainBusinessUnit).toMatchObject({
			domain: 'example.com',
			displayName: 'Example Store',
		});
		expect(env.info.mainBusinessUnit.id).toMatch(/^[0-9a-f]{24}$/);
	});

	it('keeps invitations paths off the API host and API paths off the invitations host', async () => {
		const bu = env.info.mainBusinessUnit.id;
		const bearer = await token('password');
		const headers = { ...key(), authorization: `Bearer ${bearer}` };
		const onInvitations = await callApi(
			`${env.handle.invitationsUrl}/private/business-units/${bu}/templates`,
			{ headers },
		);
		expect(onInvitations.status).toBe(200);
		const onApi = await callApi(`${env.handle.apiUrl}/private/business-units/${bu}/templates`, {
			headers,
		});
		expect(onApi.status).toBe(404);
		expect(onApi.json).toMatchObject({ errorCode: 404 });
		const apiOnInvitations = await callApi(
			`${env.handle.invitationsUrl}/business-units/find?name=example.com`,
			{ headers: key() },
		);
		expect(apiOnInvitations.status).toBe(404);
		const tokenOnInvitations = await callApi(
			`${env.handle.invitationsUrl}/oauth/oauth-business-users-for-applications/accesstoken`,
			{
				method: 'POST',
				body: 'grant_type=client_credentials',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
			},
		);
		expect(tokenOnInvitations.status).toBe(404);
		const unknown = await callApi(`${env.handle.apiUrl}/no-such-thing`, { headers: key() });
		expect(unknown.status).toBe(404);
		expect(unknown.headers.get('content-type')).toBe('application/json; charset=utf-8');
	});

	it('gives every instance its own state', async () => {
		const other = await startEmulator();
		try {
			const otherAdmin = new EmulatorClient(other.adminUrl);
			const otherInfo = await otherAdmin.info();
			expect(otherInfo.mainBusinessUnit.id).toBe(env.info.mainBusinessUnit.id);
			await env.client.addReviews({ businessUnitId: env.info.mainBusinessUnit.id, count: 3 });
			const mine = await callApi<{ numberOfReviews: { total: number } }>(
				`${env.handle.apiUrl}/business-units/${env.info.mainBusinessUnit.id}`,
				{ headers: key() },
			);
			const theirs = await callApi<{ numberOfReviews: { total: number } }>(
				`${other.apiUrl}/business-units/${env.info.mainBusinessUnit.id}`,
				{ headers: key() },
			);
			expect(mine.json.numberOfReviews.total).toBe(2348);
			expect(theirs.json.numberOfReviews.total).toBe(2345);
			expect((await otherAdmin.requests()).length).toBe(1);
		} finally {
			await other.stop();
		}
	});

	it('accepts overrides from CLI flags', async () => {
		const custom = await startEmulator({
			args: ['--api-key', 'cli-key', '--domain', 'cli-shop.test'],
		});
		try {
			const customInfo = await new EmulatorClient(custom.adminUrl).info();
			expect(customInfo.account.apiKey).toBe('cli-key');
			expect(customInfo.mainBusinessUnit.domain).toBe('cli-shop.test');
			const found = await callApi(`${custom.apiUrl}/business-units/find?name=cli-shop.test`, {
				headers: { apikey: 'cli-key' },
			});
			expect(found.status).toBe(200);
		} finally {
			await custom.stop();
		}
	});
});

describe('API key', () => {
	const url = () => `${env.handle.apiUrl}/business-units/find?name=example.com`;

	it('accepts the key as a header in any case or as the apikey query parameter', async () => {
		expect((await callApi(url(), { headers: { apikey: env.info.account.apiKey } })).status).toBe(
			200,
		);
		expect((await callApi(url(), { headers: { ApiKey: env.info.account.apiKey } })).status).toBe(
			200,
		);
		expect((await callApi(`${url()}&apikey=${env.info.account.apiKey}`)).status).toBe(200);
	});

	it('answers a missing or unknown key with the Apigee 401 fault', async () => {
		for (const init of [{}, { headers: { apikey: 'nope' } }]) {
			const response = await callApi(url(), init);
			expect(response.status).toBe(401);
			expect(response.json).toEqual({
				fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } },
			});
		}
	});

	it('keeps cheap resource endpoints behind the key', async () => {
		const ok = await callApi<{
			locales: Array<Record<string, unknown>>;
			defaultLocale: Record<string, unknown>;
		}>(`${env.handle.apiUrl}/resources/metadata/locales`, { headers: key() });
		expect(ok.status).toBe(200);
		// Documented shape (developers.trustpilot.com/resources-api): {locales:[{locale, language,
		// region, countryId, nativeName, translatedName, tld, …}], defaultLocale: <one such entry>}.
		expect(ok.json.defaultLocale).toMatchObject({ locale: 'en-US', language: 'en', region: 'US' });
		const danish = ok.json.locales.find((locale) => locale.locale === 'da-DK');
		expect(danish).toMatchObject({
			locale: 'da-DK',
			language: 'da',
			region: 'DK',
			countryId: 'DK',
			tld: 'dk',
		});
		expect(Object.keys(danish ?? {}).sort()).toEqual([
			'countryId',
			'language',
			'locale',
			'nativeName',
			'region',
			'tld',
			'translatedName',
		]);
		const countries = await callApi<{ countries: Array<Record<string, unknown>> }>(
			`${env.handle.apiUrl}/resources/metadata/countries`,
			{ headers: key() },
		);
		expect(countries.json.countries.find((country) => country.countryId === 'DK')).toMatchObject({
			countryId: 'DK',
			englishName: 'Denmark',
		});
		expect((await callApi(`${env.handle.apiUrl}/resources/metadata/countries`)).status).toBe(401);
	});
});

describe('Bearer tokens on private endpoints', () => {
	const privateUrl = () =>
		`${env.handle.apiUrl}/private/business-units/${env.info.mainBusinessUnit.id}`;

	it('rejects a missing or unknown token', async () => {
		const missing = await callApi(privateUrl(), { headers: key() });
		expect(missing.status).toBe(401);
		expect(missing.json).toEqual({
			fault: {
				faultstring: 'Invalid access token',
				detail: { errorcode: 'oauth.v2.InvalidAccessToken' },
			},
		});
		const unknown = await callApi(privateUrl(), {
			headers: { ...key(), authorization: 'Bearer tpa-unknown' },
		});
		expect(unknown.status).toBe(401);
	});

	it('requires the API key too and refuses tokens minted for another key', async () => {
		const bearer = await token('client_credentials');
		expect(
			(await callApi(privateUrl(), { headers: { authorization: `Bearer ${bearer}` } })).status,
		).toBe(401);
		const foreign = await token('client_credentials', env.info.otherAccount);
		const response = await callApi(privateUrl(), {
			headers: { ...key(), authorization: `Bearer ${foreign}` },
		});
		expect(response.status).toBe(401);
		const ok = await callApi<JsonObject>(privateUrl(), {
			headers: { ...key(), authorization: `Bearer ${bearer}` },
		});
		expect(ok.status).toBe(200);
		expect(ok.json.id).toBe(env.info.mainBusinessUnit.id);
	});

	it('reports expired tokens with the Apigee expiry fault', async () => {
		const bearer = await token('password');
		await env.client.expireTokens(bearer);
		const response = await callApi(privateUrl(), {
			headers: { ...key(), authorization: `Bearer ${bearer}` },
		});
		expect(response.status).toBe(401);
		expect(response.json).toEqual({
			fault: {
				faultstring: 'Access Token expired',
				detail: { errorcode: 'keymanagement.service.access_token_expired' },
			},
		});
	});

	it('expires tokens by TTL as configured', async () => {
		await env.client.config({ accessTokenTtlSeconds: 1 });
		const response = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			env.info.account,
		);
		expect(response.json.expires_in).toBe('1');
		const headers = { ...key(), authorization: `Bearer ${response.json.access_token}` };
		expect((await callApi(privateUrl(), { headers })).status).toBe(200);
		await sleep(1100);
		expect((await callApi(privateUrl(), { headers })).status).toBe(401);
	});

	it('forbids business units of another account', async () => {
		const bearer = await token('password');
		const response = await callApi(
			`${env.handle.apiUrl}/private/business-units/${env.info.otherAccount.businessUnitId}/reviews`,
			{
				headers: { ...key(), authorization: `Bearer ${bearer}` },
			},
		);
		expect(response.status).toBe(403);
		expect(response.json).toMatchObject({ errorCode: 403 });
	});
});

describe('x-business-user-id on invitation endpoints', () => {
	const invitation = {
		consumerEmail: 'jane@example.net',
		consumerName: 'Jane',
		referenceNumber: 'ORD-1',
		serviceReviewInvitation: {},
	};

	async function invite(bearer: string, userHeader?: string) {
		const headers: Record<string, string> = {
			...key(),
			authorization: `Bearer ${bearer}`,
			'content-type': 'application/json',
		};
		if (userHeader !== undefined) headers['x-business-user-id'] = userHeader;
		return callApi(
			`${env.handle.invitationsUrl}/private/business-units/${env.info.mainBusinessUnit.id}/email-invitations`,
			{
				method: 'POST',
				headers,
				body: JSON.stringify(invitation),
			},
		);
	}

	it('is required with a client_credentials token', async () => {
		const response = await invite(await token('client_credentials'));
		expect(response.status).toBe(403);
		expect(String((response.json as JsonObject).message)).toMatch(/x-business-user-id/);
	});

	it('must name an admin or manager of the unit, not a unit id, an unknown id or a reader', async () => {
		const bearer = await token('client_credentials');
		for (const bad of [
			env.info.mainBusinessUnit.id,
			'0123456789abcdef01234567',
			env.info.account.readerUser.id,
			env.info.otherAccount.businessUser.id,
		]) {
			expect((await invite(bearer, bad)).status).toBe(403);
		}
		expect((await invite(bearer, env.info.account.businessUser.id)).status).toBe(202);
		expect((await invite(bearer, env.info.account.twoFactorUser.id)).status).toBe(202);
		const stored = (await env.client.state()).emailInvitations;
		expect(stored.map((item) => item.businessUserId)).toEqual([
			env.info.account.businessUser.id,
			env.info.account.twoFactorUser.id,
		]);
	});

	it('is optional with a password token and defaults to its user', async () => {
		expect((await invite(await token('password'))).status).toBe(202);
		const [stored] = (await env.client.state()).emailInvitations;
		expect(stored.businessUserId).toBe(env.info.account.businessUser.id);
	});

	it('refuses a reader logged in with the password grant', async () => {
		const response = await requestToken(
			env.handle.apiUrl,
			{
				grant_type: 'password',
				username: env.info.account.readerUser.email,
				password: env.info.account.readerUser.password,
			},
			env.info.account,
		);
		expect(response.status).toBe(200);
		expect((await invite(response.json.access_token)).status).toBe(403);
	});
});
