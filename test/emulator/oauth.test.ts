import { useEmulator } from '../harness/fixtures';
import { callApi, requestToken } from '../harness/emulatorClient';

const env = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });

const passwordForm = () => ({
	grant_type: 'password',
	username: env.info.account.businessUser.email,
	password: env.info.account.businessUser.password,
});

async function privateStatus(accessToken: string): Promise<number> {
	const response = await callApi(
		`${env.handle.apiUrl}/private/business-units/${env.info.mainBusinessUnit.id}`,
		{
			headers: { apikey: env.info.account.apiKey, authorization: `Bearer ${accessToken}` },
		},
	);
	return response.status;
}

describe('token grants', () => {
	it('client_credentials returns a string expires_in and no refresh token (Basic client auth)', async () => {
		const response = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			env.info.account,
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(Object.keys(response.json).sort()).toEqual([
			'access_token',
			'expires_in',
			'issued_at',
			'token_type',
		]);
		expect(response.json.access_token).toMatch(/^tpa-[A-Za-z0-9]+$/);
		expect(response.json.expires_in).toBe('359999');
		expect(response.json.token_type).toBe('BearerToken');
		// issued_at in epoch seconds, as in a real captured response (lindar-open/trustpilot-client README).
		expect(response.json.issued_at).toMatch(/^\d{10}$/);
		expect(Math.abs(Number(response.json.issued_at) - Date.now() / 1000)).toBeLessThan(60);
		expect(await privateStatus(response.json.access_token)).toBe(200);
	});

	it('password grant returns the captured field set (client auth in the body)', async () => {
		const response = await requestToken(env.handle.apiUrl, passwordForm(), {
			...env.info.account,
			inBody: true,
		});
		expect(response.status).toBe(200);
		expect(response.json).toMatchObject({
			expires_in: '359999',
			token_type: 'BearerToken',
			refresh_token_expires_in: '7776000',
			refresh_token_status: 'approved',
			app_enduser: env.info.account.businessUser.id,
			client_id: env.info.account.apiKey,
		});
		expect(response.json.refresh_token).toMatch(/^tpr-/);
		expect(typeof response.json.refresh_token_issued_at).toBe('string');
		expect(await privateStatus(response.json.access_token)).toBe(200);
	});

	it('refresh rotates the refresh token on both endpoints and rejects the old one', async () => {
		const first = await requestToken(env.handle.apiUrl, passwordForm(), env.info.account);
		const second = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'refresh_token', refresh_token: first.json.refresh_token ?? '' },
			env.info.account,
			'refresh',
		);
		expect(second.status).toBe(200);
		expect(second.json.refresh_token).toMatch(/^tpr-/);
		expect(second.json.refresh_token).not.toBe(first.json.refresh_token);
		expect(second.json.access_token).not.toBe(first.json.access_token);
		expect(second.json.app_enduser).toBeUndefined();
		const reuse = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'refresh_token', refresh_token: first.json.refresh_token ?? '' },
			env.info.account,
		);
		expect(reuse.status).toBe(400);
		expect(reuse.json.ErrorCode).toBe('invalid_grant');
		const third = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'refresh_token', refresh_token: second.json.refresh_token ?? '' },
			env.info.account,
		);
		expect(third.status).toBe(200);
	});

	it('rejects refresh tokens after an admin revoke and after /revoke', async () => {
		const first = await requestToken(env.handle.apiUrl, passwordForm(), env.info.account);
		await env.client.revokeRefreshTokens();
		const refreshed = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'refresh_token', refresh_token: first.json.refresh_token ?? '' },
			env.info.account,
		);
		expect(refreshed.status).toBe(400);
		expect(refreshed.json.ErrorCode).toBe('invalid_grant');

		const second = await requestToken(env.handle.apiUrl, passwordForm(), env.info.account);
		const revoked = await requestToken(
			env.handle.apiUrl,
			{ token: second.json.refresh_token ?? '' },
			env.info.account,
			'revoke',
		);
		expect(revoked.status).toBe(200);
		expect(await privateStatus(second.json.access_token)).toBe(401);
		const afterRevoke = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'refresh_token', refresh_token: second.json.refresh_token ?? '' },
			env.info.account,
		);
		expect(afterRevoke.status).toBe(400);
	});

	it('authorization_code: one-time code bound to its redirect_uri', async () => {
		const redirectUri = 'https://app.example.test/callback';
		const location = await env.client.authorize({
			client_id: env.info.account.apiKey,
			redirect_uri: redirectUri,
			response_type: 'code',
			username: env.info.account.businessUser.email,
			state: 'xyz',
		});
		const target = new URL(location);
		expect(`${target.origin}${target.pathname}`).toBe(redirectUri);
		expect(target.searchParams.get('state')).toBe('xyz');
		const code = target.searchParams.get('code') ?? '';
		const mismatch = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'authorization_code', code, redirect_uri: 'https://evil.example.test/cb' },
			env.info.account,
		);
		expect(mismatch.status).toBe(400);
		expect(mismatch.json.ErrorCode).toBe('invalid_grant');
		const exchanged = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'authorization_code', code, redirect_uri: redirectUri },
			env.info.account,
		);
		expect(exchanged.status).toBe(200);
		expect(exchanged.json.refresh_token).toMatch(/^tpr-/);
		expect(exchanged.json.app_enduser).toBe(env.info.account.businessUser.id);
		const again = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'authorization_code', code, redirect_uri: redirectUri },
			env.info.account,
		);
		expect(again.status).toBe(400);
	});
});

describe('token errors', () => {
	it('says the API key is unknown or the secret is wrong, without echoing the secret', async () => {
		const unknown = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			{ apiKey: 'nope', apiSecret: 'x' },
		);
		expect(unknown.status).toBe(401);
		expect(unknown.json.ErrorCode).toBe('invalid_client');
		expect(unknown.json.Error).toMatch(/API key/);
		const wrong = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			{ apiKey: env.info.account.apiKey, apiSecret: 'wrong-secret-value' },
		);
		expect(wrong.status).toBe(401);
		expect(wrong.json.ErrorCode).toBe('invalid_client');
		expect(wrong.json.Error).toMatch(/secret/);
		expect(wrong.text).not.toContain('wrong-secret-value');
		const missing = await requestToken(env.handle.apiUrl, { grant_type: 'client_credentials' });
		expect(missing.status).toBe(401);
	});

	it('refuses bad logins and the two-factor user with invalid_grant', async () => {
		const bad = await requestToken(
			env.handle.apiUrl,
			{ ...passwordForm(), password: 'nope' },
			env.info.account,
		);
		expect(bad.status).toBe(400);
		expect(bad.json.ErrorCode).toBe('invalid_grant');
		const twoFactor = await requestToken(
			env.handle.apiUrl,
			{
				grant_type: 'password',
				username: env.info.account.twoFactorUser.email,
				password: env.info.account.twoFactorUser.password,
			},
			env.info.account,
		);
		expect(twoFactor.status).toBe(400);
		expect(twoFactor.json.ErrorCode).toBe('invalid_grant');
		expect(twoFactor.json.Error).toMatch(/two-factor/i);
		const otherAccountUser = await requestToken(
			env.handle.apiUrl,
			{
				grant_type: 'password',
				username: env.info.otherAccount.businessUser.email,
				password: env.info.otherAccount.businessUser.password,
			},
			env.info.account,
		);
		expect(otherAccountUser.status).toBe(400);
	});

	it('rejects unknown grants and non-form bodies', async () => {
		const grant = await requestToken(env.handle.apiUrl, { grant_type: 'magic' }, env.info.account);
		expect(grant.status).toBe(400);
		expect(grant.json.ErrorCode).toBe('unsupported_grant_type');
		const json = await callApi(
			`${env.handle.apiUrl}/oauth/oauth-business-users-for-applications/accesstoken`,
			{
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Basic ${Buffer.from(`${env.info.account.apiKey}:${env.info.account.apiSecret}`).toString('base64')}`,
				},
				body: JSON.stringify({ grant_type: 'client_credentials' }),
			},
		);
		expect(json.status).toBe(415);
	});

	it('rate-limits token requests per API key (default: more than 5 in 60 s)', async () => {
		env.info = await env.client.reset();
		expect(env.info.config.tokenRateLimit).toEqual({ max: 5, windowSeconds: 60 });
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) {
			statuses.push(
				(
					await requestToken(
						env.handle.apiUrl,
						{ grant_type: 'client_credentials' },
						env.info.account,
					)
				).status,
			);
		}
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
		const limited = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			env.info.account,
		);
		expect(limited.json).toMatchObject({
			fault: { detail: { errorcode: 'policies.ratelimit.QuotaViolation' } },
		});
		const otherKey = await requestToken(
			env.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			env.info.otherAccount,
		);
		expect(otherKey.status).toBe(200);
		await env.client.config({ tokenRateLimit: { max: 100, windowSeconds: 60 } });
		expect(
			(
				await requestToken(
					env.handle.apiUrl,
					{ grant_type: 'client_credentials' },
					env.info.account,
				)
			).status,
		).toBe(200);
		const counters = await env.client.counters();
		expect(counters.tokenRequests).toMatchObject({
			total: 10,
			issued: 7,
			rejected: 0,
			rateLimited: 3,
		});
		expect(counters.tokenRequests.byGrant.client_credentials).toBe(7);
		expect(counters.tokensIssued).toBe(7);
	});

	it('counts token use per token prefix', async () => {
		const { json } = await requestToken(env.handle.apiUrl, passwordForm(), env.info.account);
		await privateStatus(json.access_token);
		await privateStatus(json.access_token);
		const counters = await env.client.counters();
		expect(counters.requestsByToken[json.access_token.slice(0, 12)]).toBe(2);
		expect(counters.tokenRequests.byGrant.password).toBe(1);
	});
});
