// Class 2 of issue 12: a secret never leaves the host it belongs to. A second local port (the
// sink) stands for another host: the emulator redirects to it (faults with a Location header),
// or the credential is pointed at it (an intercepting upstream). The sink must receive nothing
// secret: no apikey, no Bearer token, no Basic key:secret, no password, no refresh token.
import type { IDataObject } from 'n8n-workflow';

import { runCredentialTest } from '../harness/credentialTest';
import { runNode, type CredentialStore } from '../harness/engine';
import { startHttpSink, type HttpSink } from '../harness/httpSink.cjs';
import { trustpilotCredential, useEmulator, type TestCredential } from '../harness/fixtures';
import { TRUSTPILOT_PROBE_TYPE } from '../harness/testNodes';
import { recordRun } from '../harness/hygiene/runRecorder.cjs';

const fixture = useEmulator();
let sink: HttpSink;

beforeAll(async () => {
	sink = await startHttpSink({
		status: 401,
		body: '{"fault":{"faultstring":"Invalid access token"}}',
		contentType: 'application/json',
	});
});
beforeEach(() => {
	sink.received.length = 0;
});
afterAll(async () => {
	await sink?.close();
});

async function probe(
	credential: { credentials: IDataObject; store: CredentialStore },
	path: string,
	access = 'private',
) {
	const result = await runNode(
		{
			type: TRUSTPILOT_PROBE_TYPE,
			name: 'Probe',
			parameters: { path, access, host: 'api' },
			credentials: credential.credentials as never,
			continueOnFail: true,
		},
		[{}],
		credential.store,
	);
	// The probe throws; with "continue" n8n puts the error on the item, next to an empty json.
	const item = result.output[0];
	const error = (item?.error as Error | undefined)?.message ?? result.nodeError('Probe')?.message;
	return { ...(item?.json ?? {}), ...(error ? { error } : {}) } as IDataObject;
}

/** Every secret of the credential, as the sink would see it in a header or a body. */
function secretsOf(credential: TestCredential): string[] {
	const data = credential.data();
	const values = [
		data.apiKey,
		data.apiSecret,
		data.password,
		data.accessToken,
		data.refreshToken,
	].map((value) => String(value ?? ''));
	const basic = Buffer.from(`${String(data.apiKey)}:${String(data.apiSecret)}`).toString('base64');
	return [...values, basic].filter((value) => value.length >= 6);
}

function sinkSaw(secrets: string[]): string[] {
	const seen = JSON.stringify(sink.received);
	return secrets.filter(
		(secret) => seen.includes(secret) || seen.includes(encodeURIComponent(secret)),
	);
}

const unitPath = () => `/private/business-units/${fixture.info.mainBusinessUnit.id}`;

describe('redirects to another host are not followed', () => {
	// The sink stands for another host: what it received is part of the suite's secret scan.
	afterEach(() => recordRun('redirect sink', sink.received));
	test('API call (GET with apikey + Bearer): a 302 to another port is an error; the sink receives nothing', async () => {
		const credential = await trustpilotCredential(fixture, 'password');
		await fixture.client.addFault({
			match: { route: '/v1/private/business-units/{businessUnitId}' },
			action: { status: 302, headers: { location: `${sink.url}/v1${unitPath()}` }, body: '' },
		});
		const item = await probe(credential, unitPath());
		expect(item.error).toBe(
			`Trustpilot answered with a redirect to another host (${sink.url}); it was not followed`,
		);
		expect(sink.received).toEqual([]);
		expect(sinkSaw(secretsOf(credential))).toEqual([]);
	});

	test('API call: a redirect on the same host is followed for a read', async () => {
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		await fixture.client.addFault({
			match: { route: '/v1/private/business-units/{businessUnitId}' },
			action: {
				status: 301,
				headers: {
					location: `${fixture.handle.apiUrl}/business-units/${fixture.info.mainBusinessUnit.id}`,
				},
				body: '',
			},
		});
		const item = await probe(credential, unitPath());
		expect(item.error).toBeUndefined();
		expect(item.id).toBe(fixture.info.mainBusinessUnit.id);
	});

	test('a write (POST reply) answered with 307 to another host is not resent there', async () => {
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		await fixture.client.addFault({
			match: { method: 'POST', route: '/v1/private/reviews/{reviewId}/reply' },
			action: { status: 307, headers: { location: `${sink.url}/steal` }, body: '' },
		});
		const reviewId = String(
			(
				await fixture.client.addReviews({
					businessUnitId: fixture.info.mainBusinessUnit.id,
					count: 1,
				})
			).reviews[0].id,
		);
		const result = await runNode(
			{
				type: 'trustpilot',
				parameters: { resource: 'serviceReview', operation: 'reply', reviewId, message: 'Thanks!' },
				credentials: credential.credentials,
				continueOnFail: true,
			},
			[{}],
			credential.store,
		);
		expect(result.output[0].json.error).toMatch(/redirect to another host .*not followed/);
		expect(sink.received).toEqual([]);
	});

	test('token request (Basic key:secret + password in the body): a 307 elsewhere is refused', async () => {
		const credential = await trustpilotCredential(fixture, 'password');
		await fixture.client.addFault({
			match: { route: '/v1/oauth/oauth-business-users-for-applications/accesstoken' },
			action: {
				status: 307,
				headers: {
					location: `${sink.url}/v1/oauth/oauth-business-users-for-applications/accesstoken`,
				},
				body: '',
			},
		});
		const item = await probe(credential, unitPath());
		expect(String(item.error)).toMatch(
			/token endpoint .* answered with a redirect to http:\/\/127\.0\.0\.1:\d+ \(HTTP 307\)\. It was not followed/,
		);
		expect(sink.received).toEqual([]);
		expect(sinkSaw(secretsOf(credential))).toEqual([]);
	});

	test('credential test ("Test" button): a redirect elsewhere fails the test; the sink receives nothing', async () => {
		const credential = await trustpilotCredential(fixture, 'apiKey');
		expect(await runCredentialTest(credential.store, 'trustpilot-apiKey')).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		await fixture.client.addFault({
			match: { route: '/v1/resources/metadata/locales' },
			action: {
				status: 302,
				headers: { location: `${sink.url}/v1/resources/metadata/locales` },
				body: '',
			},
		});
		const outcome = await runCredentialTest(credential.store, 'trustpilot-apiKey');
		expect(outcome.status).toBe('Error');
		expect(sink.received).toEqual([]);
	});

	test('credential test with a token: a redirected token request sends no secret elsewhere', async () => {
		const credential = await trustpilotCredential(fixture, 'password');
		await fixture.client.addFault({
			match: { route: '/v1/oauth/oauth-business-users-for-applications/accesstoken' },
			action: { status: 308, headers: { location: `${sink.url}/token` }, body: '' },
		});
		const outcome = await runCredentialTest(credential.store, 'trustpilot-password');
		expect(outcome.status).toBe('Error');
		expect(sink.received).toEqual([]);
	});
});

describe('a stored access token is bound to what issued it', () => {
	test('pointing the credential at another host never sends the old token or refresh token there', async () => {
		const credential = await trustpilotCredential(fixture, 'password');
		expect((await probe(credential, unitPath())).error).toBeUndefined();
		const minted = credential.data();
		expect(String(minted.accessToken)).toMatch(/^tpa-/);

		// The user edits the credential: another API base URL (an intercepting upstream).
		credential.store.update('trustpilot-password', { ...minted, apiBaseUrl: `${sink.url}/v1` });
		await probe(credential, unitPath());
		expect(sink.received.length).toBeGreaterThan(0);
		const seen = JSON.stringify(sink.received);
		expect(seen).not.toContain(String(minted.accessToken));
		expect(seen).not.toContain(String(minted.refreshToken));
	});

	test('another API key on the same host: the old token is not sent, a new one is minted', async () => {
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		expect((await probe(credential, unitPath())).error).toBeUndefined();
		const oldToken = String(credential.data().accessToken);
		const other = fixture.info.otherAccount;
		credential.store.update('trustpilot-clientCredentials', {
			...credential.data(),
			apiKey: other.apiKey,
			apiSecret: other.apiSecret,
			businessUserId: other.businessUser.id,
		});
		await fixture.client.clearRequests();
		const item = await probe(credential, `/private/business-units/${other.businessUnitId}`);
		expect(item.error).toBeUndefined();
		expect(item.id).toBe(other.businessUnitId);
		const log = await fixture.client.requests();
		expect(JSON.stringify(log)).not.toContain(oldToken);
		expect(String(credential.data().accessToken)).not.toBe(oldToken);
	});
});
