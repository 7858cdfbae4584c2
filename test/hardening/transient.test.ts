// Class 4 of issue 12: transient failures are transient everywhere. Faults come from the
// emulator's admin API; counts come from its request log.
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore, runNode } from '../harness/engine';
import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { readRepoFile } from '../harness/repoFiles.cjs';
import {
	addKnownReview,
	byId,
	errorOf,
	runServiceReview,
} from '../Trustpilot/serviceReview/support';

const fixture = useEmulator();
const GRANT_ENDPOINT_PATH = '/v1/oauth/oauth-business-users-for-applications/accesstoken';
// Retry-After: 0 keeps the backoff out of the test's run time; the retry count stays the policy's.
const NOW = { 'retry-after': '0' };

async function tokenCalls() {
	return (await fixture.client.requests()).filter((entry) => entry.path === GRANT_ENDPOINT_PATH);
}

async function threeItemsOfPrivateGet(options: { continueOnFail?: boolean } = {}) {
	const { mainBusinessUnit } = fixture.info;
	return await runServiceReview(
		fixture,
		'getAll',
		{ source: 'private', businessUnit: byId(mainBusinessUnit.id), returnAll: false, limit: 1 },
		{ input: [{}, {}, {}], continueOnFail: options.continueOnFail ?? true },
	);
}

describe('token requests retry like every other call', () => {
	test('one 503 from the token endpoint is retried; every item succeeds with one token', async () => {
		await fixture.client.addFault({
			match: { route: GRANT_ENDPOINT_PATH },
			action: { status: 503, headers: NOW },
			times: 1,
		});
		const run = await threeItemsOfPrivateGet();
		expect(run.items.map((item) => item.error)).toEqual([undefined, undefined, undefined]);
		expect((await tokenCalls()).map((entry) => entry.status)).toEqual([503, 200]);
	});

	test('a dropped connection on the token request is retried', async () => {
		await fixture.client.addFault({
			match: { route: GRANT_ENDPOINT_PATH },
			action: { reset: true },
			times: 1,
		});
		const run = await threeItemsOfPrivateGet();
		expect(run.items.map((item) => item.error)).toEqual([undefined, undefined, undefined]);
		expect((await tokenCalls()).map((entry) => entry.status)).toEqual([null, 200]);
	});

	test('an outage that outlasts the backoff fails the item but is not remembered: the next item asks again', async () => {
		const fault = await fixture.client.addFault({
			match: { route: GRANT_ENDPOINT_PATH },
			action: { status: 502, headers: NOW },
			times: 5,
		});
		const run = await threeItemsOfPrivateGet();
		expect(run.items[0].error).toMatch(
			/token endpoint .* is unavailable \(HTTP 502, still after 5 attempts\)/,
		);
		// Item 2 asked again (not a remembered refusal) and got its token.
		expect(run.items.slice(1).map((item) => item.error)).toEqual([undefined, undefined]);
		expect((await tokenCalls()).map((entry) => entry.status)).toEqual([
			502, 502, 502, 502, 502, 200,
		]);
		await fixture.client.removeFault(fault);
	});

	test('a 429 that outlasts the backoff is a refusal: remembered, not asked again for the other items', async () => {
		await fixture.client.addFault({
			match: { route: GRANT_ENDPOINT_PATH },
			action: { status: 429, headers: NOW },
			times: 0,
		});
		const run = await threeItemsOfPrivateGet();
		for (const item of run.items) expect(String(item.error)).toMatch(/too often/);
		expect(await tokenCalls()).toHaveLength(5);
	});
});

describe('a retried DELETE that finds nothing reports "gone"', () => {
	test("Delete Reply: the first attempt deletes but its answer is lost (503); the retry's 404 means gone", async () => {
		const review = await addKnownReview(fixture, fixture.info);
		const replied = await runServiceReview(fixture, 'reply', {
			reviewId: String(review.id),
			message: 'Sorry about that.',
		});
		expect(errorOf(replied)).toBeUndefined();
		await fixture.client.addFault({
			match: { method: 'DELETE', route: '/v1/private/reviews/{reviewId}/reply' },
			action: { status: 503, afterProcess: true, headers: NOW },
			times: 1,
		});
		const run = await runServiceReview(fixture, 'deleteReply', { reviewId: String(review.id) });
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((entry) => entry.status)).toEqual([503, 404]);
		expect(run.items).toEqual([
			{
				success: true,
				action: 'replyDeleted',
				reviewId: String(review.id),
				note: expect.stringMatching(/^The reply is gone: the first attempt most likely deleted it/),
			},
		]);
	});

	test('a 404 on the first attempt is still "not found"', async () => {
		const review = await addKnownReview(fixture, fixture.info);
		const run = await runServiceReview(
			fixture,
			'deleteReply',
			{ reviewId: String(review.id) },
			{ continueOnFail: true },
		);
		expect(run.items[0].error).toMatch(/^Not found/);
		expect(run.requests).toHaveLength(1);
	});
});

describe('an empty 2xx body where an object is expected is an error, not an empty item', () => {
	test('a read answered 200 with no body is asked again and returns the real object', async () => {
		const { mainBusinessUnit } = fixture.info;
		await fixture.client.addFault({
			match: { route: '/v1/reviews/{reviewId}' },
			action: { status: 200, body: '', headers: NOW },
			times: 1,
		});
		const review = await addKnownReview(fixture, fixture.info);
		const run = await runServiceReview(fixture, 'get', {
			reviewId: String(review.id),
			source: 'public',
			simplify: false,
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((entry) => entry.status)).toEqual([200, 200]);
		expect(run.items[0]).toMatchObject({
			id: review.id,
			businessUnit: expect.objectContaining({ id: mainBusinessUnit.id }),
		});
	});

	test('a read that stays empty fails the item instead of giving an empty row', async () => {
		await fixture.client.addFault({
			match: { route: '/v1/reviews/{reviewId}' },
			action: { status: 200, body: '', headers: NOW },
			times: 0,
		});
		const review = await addKnownReview(fixture, fixture.info);
		const run = await runServiceReview(
			fixture,
			'get',
			{ reviewId: String(review.id), source: 'public' },
			{ continueOnFail: true },
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].error).toMatch(/empty response \(HTTP 200\) where data was expected/);
		expect(run.requests).toHaveLength(5);
	});
});

describe('README and code agree on which writes are resent', () => {
	const readme = readRepoFile('README.md');
	const invitation = (operation: string, extra: IDataObject) =>
		runNode(
			{
				type: 'trustpilot',
				parameters: {
					resource: 'invitation',
					operation,
					businessUnit: byId(fixture.info.mainBusinessUnit.id),
					...extra,
				} as never,
				credentials: { trustpilotApi: { id: 'c', name: 'c' } },
				continueOnFail: true,
			},
			[{}],
			store,
		);
	let store: CredentialStore;
	beforeEach(async () => {
		store = (await trustpilotCredential(fixture, 'clientCredentials', {}, new CredentialStore()))
			.store;
		store.add({
			id: 'c',
			name: 'c',
			type: 'trustpilotApi',
			data: store.data('trustpilot-clientCredentials'),
		});
	});
	const invitationRequests = async (suffix: string) =>
		(await fixture.client.requests())
			.filter((entry) => entry.path.endsWith(suffix))
			.map((entry) => entry.status);

	test('invitation links are resent after a 503 (README: "invitation links … are resent")', async () => {
		expect(readme).toMatch(/Writes that are safe to repeat \*\*are\*\* resent[^]*invitation links/);
		await fixture.client.addFault({
			match: {
				route: '/v1/private/business-units/{businessUnitId}/invitation-links',
				host: 'invitations',
			},
			action: { status: 503, headers: NOW },
			times: 1,
		});
		const result = await invitation('generateServiceReviewLink', {
			email: 'jane@mail.example.net',
			name: 'Jane',
			referenceId: 'ORD-77',
		});
		expect(result.output[0].json.error).toBeUndefined();
		expect(result.output[0].json.url).toEqual(expect.any(String));
		expect(await invitationRequests('/invitation-links')).toEqual([503, 200]);
	});

	test('an email invitation is never resent after a 503 (README: "never resent")', async () => {
		expect(readme).toMatch(
			/\(email invitation, reply, comment, Find Reviewer request\) is\s+\*\*never\*\* resent/,
		);
		await fixture.client.addFault({
			match: { route: '/v1/private/business-units/{businessUnitId}/email-invitations' },
			action: { status: 503, headers: NOW },
			times: 1,
		});
		const result = await invitation('sendEmail', {
			consumerEmail: 'jane@mail.example.net',
			consumerName: 'Jane',
			referenceNumber: 'ORD-78',
			invitationType: 'service',
		});
		expect(String(result.output[0].json.error)).toMatch(/^Outcome unknown/);
		expect(await invitationRequests('/email-invitations')).toEqual([503]);
	});
});
