import type { IDataObject } from 'n8n-workflow';

import { CredentialStore, runNode } from '../harness/engine';
import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';
import { TRUSTPILOT_PROBE_TYPE } from '../harness/testNodes';

const emulator = useEmulator();

async function probe(
	credential: { credentials: IDataObject; store: CredentialStore },
	path: string,
	access: 'public' | 'private' = 'private',
) {
	return await runNode(
		{
			type: TRUSTPILOT_PROBE_TYPE,
			name: 'Probe',
			parameters: { path, access, host: 'api' },
			credentials: credential.credentials as never,
		},
		[{}],
		credential.store,
	);
}

async function mainBusinessUnitPath() {
	const info = await emulator.client.info();
	return `/private/business-units/${info.mainBusinessUnit.id}`;
}

async function tokenRequests() {
	return (await emulator.client.counters()).tokenRequests;
}

describe('trustpilotApi credential', () => {
	it.each<AuthMode>(['clientCredentials', 'password'])(
		'%s: mints one token, persists it and reuses it across executions',
		async (mode) => {
			const credential = await trustpilotCredential(emulator, mode);
			const path = await mainBusinessUnitPath();
			for (let run = 0; run < 3; run++) {
				const result = await probe(credential, path);
				expect(result.error).toBeUndefined();
				expect(result.output[0].json.id).toBeDefined();
			}
			const counters = await tokenRequests();
			expect(counters.total).toBe(1);
			expect(counters.byGrant[mode === 'password' ? 'password' : 'client_credentials']).toBe(1);

			const stored = credential.data();
			expect(String(stored.accessToken)).toMatch(/^tpa-/);
			if (mode === 'password') expect(String(stored.refreshToken)).toMatch(/^tpr-/);
			else expect(stored.refreshToken).toBe('');

			// The token request used Basic key:secret and a form body; API calls carry key + Bearer.
			const log = await emulator.client.requests();
			const tokenCall = log.find((entry) => entry.path.endsWith('/accesstoken'));
			const info = await emulator.client.info();
			const basic = Buffer.from(`${info.account.apiKey}:${info.account.apiSecret}`).toString(
				'base64',
			);
			expect(tokenCall?.headers.authorization).toBe(`Basic ${basic}`);
			expect(String(tokenCall?.headers['content-type'])).toContain(
				'application/x-www-form-urlencoded',
			);
			const apiCalls = log.filter((entry) => entry.path.startsWith('/v1/private/'));
			expect(apiCalls).toHaveLength(3);
			for (const call of apiCalls) {
				expect(call.headers.apikey).toBe(info.account.apiKey);
				expect(call.headers.authorization).toBe(`Bearer ${String(stored.accessToken)}`);
				expect(call.query.apikey).toBeUndefined();
			}
		},
	);

	it('API Key Only sends the key as a header and never a Bearer token', async () => {
		const credential = await trustpilotCredential(emulator, 'apiKey');
		const result = await probe(credential, '/resources/metadata/locales', 'public');
		expect(result.error).toBeUndefined();
		const [call] = await emulator.client.requests();
		expect(call.headers.apikey).toBeDefined();
		expect(call.headers.authorization).toBeUndefined();
		expect((await tokenRequests()).total).toBe(0);
	});

	it('API Key Only refuses a private endpoint before sending anything', async () => {
		const credential = await trustpilotCredential(emulator, 'apiKey');
		const result = await probe(credential, await mainBusinessUnitPath());
		expect(result.error?.message).toMatch(/private data/);
		expect(JSON.stringify(result.error)).toMatch(/Client Credentials/);
		expect(await emulator.client.requests()).toHaveLength(0);
	});

	it('password grant: an expired token is refreshed with the refresh token and the call retried once', async () => {
		const credential = await trustpilotCredential(emulator, 'password');
		const path = await mainBusinessUnitPath();
		expect((await probe(credential, path)).error).toBeUndefined();
		const first = credential.data();

		await emulator.client.expireTokens();
		const result = await probe(credential, path);
		expect(result.error).toBeUndefined();

		const counters = await tokenRequests();
		expect(counters.byGrant.password).toBe(1);
		expect(counters.byGrant.refresh_token).toBe(1);
		const second = credential.data();
		expect(second.accessToken).not.toBe(first.accessToken);
		// Trustpilot rotates refresh tokens: the new one must have been persisted.
		expect(second.refreshToken).not.toBe(first.refreshToken);
		const calls = (await emulator.client.requests()).filter((entry) => entry.path === `/v1${path}`);
		expect(calls.map((entry) => entry.status)).toEqual([200, 401, 200]);
	});

	it('a rejected refresh token falls back to the full grant', async () => {
		const credential = await trustpilotCredential(emulator, 'password');
		const path = await mainBusinessUnitPath();
		expect((await probe(credential, path)).error).toBeUndefined();
		await emulator.client.revokeRefreshTokens();
		await emulator.client.expireTokens();
		const result = await probe(credential, path);
		expect(result.error).toBeUndefined();
		const counters = await tokenRequests();
		// Issued: two password grants; the refresh attempt in between was rejected.
		expect(counters.byGrant.password).toBe(2);
		expect(counters.byGrant.refresh_token).toBe(0);
		expect(counters.rejected).toBe(1);
		expect(counters.total).toBe(3);
	});

	it('client credentials: an expired token is replaced by a new grant (there is no refresh token)', async () => {
		const credential = await trustpilotCredential(emulator, 'clientCredentials');
		const path = await mainBusinessUnitPath();
		expect((await probe(credential, path)).error).toBeUndefined();
		await emulator.client.expireTokens();
		expect((await probe(credential, path)).error).toBeUndefined();
		const counters = await tokenRequests();
		expect(counters.byGrant.client_credentials).toBe(2);
		expect(counters.byGrant.refresh_token ?? 0).toBe(0);
	});

	it('steady state: 20 executions with two credentials sharing one store cost one token each', async () => {
		const store = new CredentialStore();
		const a = await trustpilotCredential(emulator, 'clientCredentials', {}, store);
		const b = await trustpilotCredential(emulator, 'password', {}, store);
		const path = await mainBusinessUnitPath();
		for (let run = 0; run < 10; run++) {
			expect((await probe(a, path)).error).toBeUndefined();
			expect((await probe(b, path)).error).toBeUndefined();
		}
		expect((await tokenRequests()).total).toBe(2);
		expect(store.stats.preAuthenticationCalls).toBe(2);
	});

	describe('errors say what is wrong and never echo a secret', () => {
		const secrets = ['not-the-secret-9f8e7d', 'wrong-password-1a2b3c'];

		function expectNoSecrets(value: unknown) {
			const text = JSON.stringify(value) + String((value as Error)?.message ?? '');
			for (const secret of secrets) expect(text).not.toContain(secret);
		}

		it('unknown API key', async () => {
			const credential = await trustpilotCredential(emulator, 'clientCredentials', {
				apiKey: 'unknown-key-000',
			});
			const result = await probe(credential, await mainBusinessUnitPath());
			expect(`${result.error?.message} ${JSON.stringify(result.error)}`).toMatch(/API key/i);
		});

		it('wrong API secret', async () => {
			const credential = await trustpilotCredential(emulator, 'clientCredentials', {
				apiSecret: secrets[0],
			});
			const result = await probe(credential, await mainBusinessUnitPath());
			expect(`${result.error?.message} ${JSON.stringify(result.error)}`).toMatch(/API secret/i);
			expectNoSecrets(result.error);
			expectNoSecrets(result.run.data.resultData);
		});

		it('wrong business user password', async () => {
			const credential = await trustpilotCredential(emulator, 'password', { password: secrets[1] });
			const result = await probe(credential, await mainBusinessUnitPath());
			expect(`${result.error?.message} ${JSON.stringify(result.error)}`).toMatch(
				/login was rejected/i,
			);
			expectNoSecrets(result.error);
			expectNoSecrets(result.run.data.resultData);
		});

		// "Token requested too often" (the real rate limiter, ~10 s of backoff) is in the fault
		// suite: test/faults/tokenRetry.faults.test.ts.

		it('a refused token fails every item with the real cause, after one token request', async () => {
			const credential = await trustpilotCredential(emulator, 'password', { password: secrets[1] });
			const info = await emulator.client.info();
			const items = Array.from({ length: 8 }, () => ({}));
			const result = await runNode(
				{
					type: 'trustpilot',
					parameters: {
						resource: 'businessUnit',
						operation: 'getPrivate',
						businessUnit: { __rl: true, mode: 'id', value: info.mainBusinessUnit.id },
					},
					credentials: credential.credentials,
					continueOnFail: true,
				},
				items,
				credential.store,
			);
			expect(result.output).toHaveLength(8);
			for (const [index, item] of result.output.entries()) {
				expect(item.pairedItem).toEqual({ item: index });
				expect(`${String(item.json.error)} ${String(item.json.details)}`).toMatch(
					/login was rejected/i,
				);
			}
			// Without remembering the refusal, items 6–8 would have hit the token rate limit instead.
			const counters = await tokenRequests();
			expect(counters.total).toBe(1);
			expect(counters.rateLimited).toBe(0);
			expectNoSecrets(result.output);
		});

		it('business user with two-factor authentication', async () => {
			const info = await emulator.client.info();
			const credential = await trustpilotCredential(emulator, 'password', {
				username: info.account.twoFactorUser.email,
				password: info.account.twoFactorUser.password,
			});
			const result = await probe(credential, await mainBusinessUnitPath());
			expect(`${result.error?.message} ${JSON.stringify(result.error)}`).toMatch(/two-factor/i);
		});
	});
});
