// Redirects and host changes (issue 12, class 2) under the fault suite: every redirect status,
// mid-pagination, on both hosts, on all three token grants and in the poll trigger, to a second
// local port (the sink) that answers like a willing upstream. What the sink receives is recorded
// for the secret-hygiene scan, so the suite's scan fails on any secret that reached another host.
// Then the credential is edited under a stored token (other base URLs, login, mode): the old
// token and refresh token never travel with the new settings.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startHttpSink, type HttpSink } from '../harness/httpSink.cjs';
import { trustpilotCredential, useEmulator, type TestCredential } from '../harness/fixtures';
import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { recordRun } from '../harness/hygiene/runRecorder.cjs';
import { errorText, runTrustpilot } from './support/nodeRuns';

const fixture = useEmulator();
let sink: HttpSink;

const GRANT_ROUTE = '/v1/oauth/oauth-business-users-for-applications/accesstoken';
const RENEWAL_ROUTE = '/v1/oauth/oauth-business-users-for-applications/refresh';
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

beforeAll(async () => {
	// A willing upstream: whatever reaches it gets a plausible 200, so following would "work".
	sink = await startHttpSink({
		status: 200,
		body: '{"reviews":[],"links":[],"access_token":"sink-token","expires_in":"359999"}',
		contentType: 'application/json',
	});
});
beforeEach(() => {
	sink.received.length = 0;
});
afterAll(async () => {
	await sink?.close();
});

/** Every secret the credential holds now, as a header or body would carry it. */
function secretsOf(credential: TestCredential): string[] {
	const data = credential.data();
	const values = [data.apiKey, data.apiSecret, data.password, data.accessToken, data.refreshToken];
	const basic = Buffer.from(`${String(data.apiKey)}:${String(data.apiSecret)}`).toString('base64');
	return [...values.map((value) => String(value ?? '')), basic].filter(
		(value) => value.length >= 6,
	);
}

/**
 * The sink stands for another host: what it received goes to the suite's secret scan (after each
 * redirect test, even a failing one), and nothing may have reached it.
 */
const recordSink = () => recordRun('redirect sink', sink.received);

function expectSinkUntouched(credential: TestCredential): void {
	const seen = JSON.stringify(sink.received);
	expect(secretsOf(credential).filter((secret) => seen.includes(secret))).toEqual([]);
	expect(sink.received).toEqual([]);
}

const redirectTo = (status: number, location: string) => ({
	status,
	headers: { location },
	body: '',
});

const reviewList = (source: 'public' | 'private'): INodeParameters => ({
	resource: 'serviceReview',
	operation: 'getAll',
	businessUnit: byId(fixture.info.mainBusinessUnit.id),
	source,
	returnAll: true,
	simplify: false,
});

describe.each(REDIRECT_STATUSES)('HTTP %i to another host', (status) => {
	afterEach(recordSink);
	test.each([
		['public', 'apiKey'],
		['private', 'clientCredentials'],
	] as const)(
		'Return All (%s, %s) redirected on page 2: one clear error, no partial list, nothing elsewhere',
		async (source, mode) => {
			const credential = await trustpilotCredential(fixture, mode);
			const route =
				source === 'private'
					? '/v1/private/business-units/{businessUnitId}/reviews'
					: '/v1/business-units/{businessUnitId}/reviews';
			await fixture.client.addFault({
				match: { route },
				action: redirectTo(status, `${sink.url}/v1/reviews?page=2`),
				skip: 1,
				times: 1,
			});
			const run = await runTrustpilot(fixture, credential, reviewList(source), {
				continueOnFail: true,
			});
			expect(run.items).toHaveLength(1);
			expect(run.items[0].error).toBe(
				`Trustpilot answered with a redirect to another host (${sink.url}); it was not followed`,
			);
			expect(run.requests.map((request) => request.status)).toEqual([200, status]);
			expectSinkUntouched(credential);
		},
	);

	test('Send Email Invitation (invitations host, POST): not resent there, nothing queued', async () => {
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		await fixture.client.addFault({
			match: { host: 'invitations', method: 'POST' },
			action: redirectTo(status, `${sink.url}/v1/email-invitations`),
		});
		const run = await runTrustpilot(
			fixture,
			credential,
			{
				resource: 'invitation',
				operation: 'sendEmail',
				businessUnit: byId(fixture.info.mainBusinessUnit.id),
				invitationType: 'service',
				consumerEmail: 'jane.doe@mail.example.net',
				consumerName: 'Jane Doe',
				referenceNumber: 'ORDER-1001',
			},
			{ continueOnFail: true },
		);
		expect(String(run.items[0].error)).toMatch(/redirect to another host .*not followed/);
		expect(run.requests).toHaveLength(1);
		expect((await fixture.client.state()).emailInvitations).toHaveLength(0);
		expectSinkUntouched(credential);
	});

	test.each(['clientCredentials', 'password'] as const)(
		'token request (%s grant, Basic key:secret): refused, nothing elsewhere',
		async (mode) => {
			const credential = await trustpilotCredential(fixture, mode);
			await fixture.client.addFault({
				match: { route: GRANT_ROUTE },
				action: redirectTo(status, `${sink.url}${GRANT_ROUTE}`),
			});
			const run = await runTrustpilot(fixture, credential, reviewList('private'), {
				continueOnFail: true,
			});
			expect(String(run.items[0].error ?? errorText(run.error))).toMatch(
				new RegExp(`redirect to ${sink.url.replace(/\./g, '\\.')} \\(HTTP ${status}\\)`),
			);
			expect(run.requests).toEqual([]);
			expectSinkUntouched(credential);
		},
	);

	test('refresh grant (refresh token in the body): refused, nothing elsewhere', async () => {
		const credential = await trustpilotCredential(fixture, 'password');
		expect((await runTrustpilot(fixture, credential, reviewList('private'))).error).toBeUndefined();
		expect(String(credential.data().refreshToken)).not.toBe('');
		await fixture.client.expireTokens();
		await fixture.client.addFault({
			match: { route: RENEWAL_ROUTE },
			action: redirectTo(status, `${sink.url}${RENEWAL_ROUTE}`),
		});
		const run = await runTrustpilot(fixture, credential, reviewList('private'), {
			continueOnFail: true,
		});
		const renewals = (await fixture.client.requests()).filter(
			(entry) => entry.path === RENEWAL_ROUTE,
		);
		expect(renewals.map((entry) => entry.status)).toEqual([status]);
		expect(String(run.items[0]?.error ?? errorText(run.error))).toMatch(/not followed/);
		expectSinkUntouched(credential);
	});
});

describe('Review Poll Trigger', () => {
	afterEach(recordSink);
	test('a redirect elsewhere fails the poll, emits nothing, keeps the cursor; the next poll delivers', async () => {
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const unit = fixture.info.mainBusinessUnit;
		const poller = new PollRunner(fixture, credential, {
			reviewType: 'service',
			businessUnits: { unit: [{ businessUnit: byId(unit.id) }] },
			event: 'new',
			start: 'now',
			simplify: false,
			options: {},
		} as INodeParameters);
		expect((await poller.poll()).error).toBeUndefined();
		const added = await fixture.client.addReviews({ businessUnitId: unit.id, count: 3 });

		const faultId = await fixture.client.addFault({
			match: { route: '/v1/private/business-units/{businessUnitId}/reviews' },
			action: redirectTo(302, `${sink.url}/v1/private/business-units/${unit.id}/reviews`),
		});
		const failed = await poller.poll();
		expect(errorText(failed.error)).toMatch(/redirect to another host .*not followed/);
		expect(failed.items).toEqual([]);
		expectSinkUntouched(credential);

		await fixture.client.removeFault(faultId);
		const next = await poller.poll();
		expect(next.error).toBeUndefined();
		expect(next.items.map((item) => (item as IDataObject).id ?? item.reviewId).sort()).toEqual(
			added.reviews.map((review) => review.id).sort(),
		);
	});
});

describe('host changes under a stored token', () => {
	async function mintedPasswordCredential() {
		const credential = await trustpilotCredential(fixture, 'password');
		expect((await runTrustpilot(fixture, credential, reviewList('private'))).error).toBeUndefined();
		const minted = credential.data();
		expect(String(minted.accessToken)).not.toBe('');
		return { credential, minted };
	}

	test('Invitations Base URL pointed elsewhere: the old token does not go there', async () => {
		const { credential, minted } = await mintedPasswordCredential();
		credential.store.update('trustpilot-password', {
			...minted,
			invitationsBaseUrl: `${sink.url}/v1`,
		});
		await runTrustpilot(
			fixture,
			credential,
			{
				resource: 'invitation',
				operation: 'getTemplates',
				businessUnit: byId(fixture.info.mainBusinessUnit.id),
			},
			{ continueOnFail: true },
		);
		expect(sink.received.length).toBeGreaterThan(0);
		const seen = JSON.stringify(sink.received);
		expect(seen).not.toContain(String(minted.accessToken));
		expect(seen).not.toContain(String(minted.refreshToken));
	});

	test.each([
		[
			'another login',
			(info: typeof fixture.info) => ({
				username: info.account.readerUser.email,
				password: info.account.readerUser.password,
			}),
		],
		[
			'another mode',
			(info: typeof fixture.info) => ({
				authentication: 'clientCredentials',
				businessUserId: info.account.businessUser.id,
			}),
		],
	] as const)('%s on the same host: the old token is never sent again', async (_name, change) => {
		const { credential, minted } = await mintedPasswordCredential();
		credential.store.update('trustpilot-password', { ...minted, ...change(fixture.info) });
		const run = await runTrustpilot(fixture, credential, reviewList('private'), {
			continueOnFail: true,
		});
		const log = JSON.stringify(await fixture.client.requests());
		expect(log).not.toContain(String(minted.accessToken));
		expect(log).not.toContain(String(minted.refreshToken));
		expect(run.tokenRequests).toBeGreaterThan(0);
		expect(String(credential.data().accessToken)).not.toBe(String(minted.accessToken));
	});
});
