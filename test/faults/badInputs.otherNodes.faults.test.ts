// Bad inputs on the other nodes and on the credential: the Link Generator (bad fields, keys of
// the wrong length), the Review Poll Trigger (bad ids, dates), the Trustpilot Trigger (bad
// bodies, non-Latin text) and credentials with a wrong grant, secret or login.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CredentialStore } from '../harness/credentials';
import { callApi } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type TestCredential } from '../harness/fixtures';
import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { startTriggerReceiver } from '../TrustpilotTrigger/webhookReceiver';
import { recordRun, recordSecrets } from '../harness/hygiene/runRecorder.cjs';
import { linkGeneratorCases, type World } from './support/badInputCases';
import { buildWorld, checkCase, type BadInputFinding } from './support/badInputRunner';
import { errorText, runTrustpilot } from './support/nodeRuns';
import { reportMetrics } from './support/report.cjs';

const fixture = useEmulator({ resetBeforeEach: false });
const findings: BadInputFinding[] = [];
let world: World;

beforeAll(async () => {
	await fixture.client.reset();
	world = await buildWorld(fixture);
});

afterAll(() => {
	reportMetrics('bad-inputs-other-nodes', {
		values: findings.length,
		rejectedBeforeSending: findings.filter((finding) => finding.requests === 0).length,
		fieldNamedInMessage: findings.filter((finding) => finding.namedInMessage).length,
	});
});

async function bglCredential(data: IDataObject): Promise<TestCredential> {
	const info = await fixture.client.info();
	const store = new CredentialStore();
	const full = {
		domain: info.bgl.domain,
		encryptSecretKey: info.bgl.encryptKey,
		authSecretKey: info.bgl.authKey,
		...data,
	};
	const ref = store.add({ id: 'bgl', name: 'BGL', type: 'trustpilotBusinessLinksApi', data: full });
	return { store, credentials: { trustpilotBusinessLinksApi: ref }, data: () => store.data('bgl') };
}

const keyOfLength = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');

describe('Trustpilot Link Generator', () => {
	for (const testCase of linkGeneratorCases) {
		test(testCase.name, async () => {
			const { problems, findings: found } = await checkCase(
				fixture,
				await bglCredential({}),
				testCase,
				world,
				'trustpilotLinkGenerator',
			);
			findings.push(...found);
			expect(problems).toEqual([]);
		});
	}

	test('a 10,000-character, non-Latin customer name still makes a link the emulator decrypts to the same name', async () => {
		const info = await fixture.client.info();
		const name = `Ærøskøbing Ольга 山田太郎 ${'ü'.repeat(10000)}`;
		const run = await runTrustpilot(
			fixture,
			await bglCredential({}),
			{ operation: 'generate', email: 'o@mail.example.net', name, referenceNumber: 'ORDER-L' },
			{ type: 'trustpilotLinkGenerator' },
		);
		expect(run.error).toBeUndefined();
		const payload = decodeURIComponent(
			new URL(String(run.items[0].url)).searchParams.get('p') ?? '',
		);
		const decrypted = await fixture.client.bglDecrypt({
			payload,
			encryptKey: info.bgl.encryptKey,
			authKey: info.bgl.authKey,
		});
		expect(JSON.parse(String(decrypted.plaintext)).name).toBe(name);
	});

	const badKeys: Array<{ why: string; data: IDataObject; field: RegExp }> = [
		{
			why: 'encrypt key of 16 bytes',
			data: { encryptSecretKey: keyOfLength(16) },
			field: /encrypt key[^]*16 bytes/i,
		},
		{
			why: 'authentication key of 31 bytes',
			data: { authSecretKey: keyOfLength(31) },
			field: /authentication key[^]*31 bytes/i,
		},
		{
			why: 'encrypt key that is not base64',
			data: { encryptSecretKey: 'this is not base64!' },
			field: /encrypt key[^]*base64/i,
		},
		{ why: 'empty authentication key', data: { authSecretKey: '' }, field: /authentication key/i },
		{ why: 'domain with a path', data: { domain: 'https://example.com/review' }, field: /domain/i },
	];
	for (const bad of badKeys) {
		test(`credential with an ${bad.why}: every item says so, without the key`, async () => {
			const credential = await bglCredential(bad.data);
			const run = await runTrustpilot(
				fixture,
				credential,
				{
					operation: 'generate',
					email: '={{ $json.email }}',
					name: 'Åsa',
					referenceNumber: 'ORDER-K',
				},
				{
					input: [{ email: 'a@mail.example.net' }, { email: 'b@mail.example.net' }],
					continueOnFail: true,
					type: 'trustpilotLinkGenerator',
				},
			);
			expect(run.items).toHaveLength(2);
			for (const item of run.items) {
				expect(String(item.error)).toMatch(bad.field);
				for (const key of [credential.data().encryptSecretKey, credential.data().authSecretKey]) {
					if (String(key).length > 8) expect(String(item.error)).not.toContain(String(key));
				}
			}
		});
	}
});

describe('Trustpilot Review Poll Trigger', () => {
	const unitParameter = (value: string, mode = 'id') => ({
		unit: [{ businessUnit: { __rl: true, mode, value } }],
	});
	const cases: Array<{
		why: string;
		parameters: IDataObject;
		mode?: 'apiKey' | 'clientCredentials';
		field: RegExp;
	}> = [
		{
			why: 'malformed business unit id',
			parameters: { businessUnits: unitParameter('not-an-id') },
			field: /Business Units: "not-an-id" is not a Trustpilot ID/,
		},
		{
			why: '10,000-character business unit id',
			parameters: { businessUnits: unitParameter('a'.repeat(10000)) },
			field: /Business Units: .* is not a Trustpilot ID/,
		},
		{
			why: 'unknown domain',
			parameters: { businessUnits: unitParameter('no-such-shop.example', 'domain') },
			field: /Business Units: no company "no-such-shop.example"/,
		},
		{
			why: 'no business unit',
			parameters: { businessUnits: unitParameter('') },
			field: /Business Units: add at least one/,
		},
		{
			why: 'start date that is not a date',
			parameters: { start: 'date', startDate: 'last spring' },
			field: /Start Date: "last spring" is not a date/,
		},
		{
			why: 'product reviews without SKUs or a token',
			parameters: { reviewType: 'product' },
			mode: 'apiKey',
			field: /SKUs/,
		},
	];
	for (const bad of cases) {
		test(`${bad.why}: the poll fails naming the field, emits nothing and stores no cursor`, async () => {
			const credential = await trustpilotCredential(fixture, bad.mode ?? 'clientCredentials');
			const runner = new PollRunner(fixture, credential, {
				reviewType: 'service',
				businessUnits: unitParameter(world.mainId),
				event: 'new',
				start: 'all',
				simplify: true,
				options: {},
				...bad.parameters,
			} as INodeParameters);
			const outcome = await runner.poll();
			recordRun('poll', { items: outcome.items, error: outcome.error }, credential);
			expect(outcome.items).toEqual([]);
			expect(outcome.error?.message).toMatch(bad.field);
			expect(runner.saved).toEqual({});
		});
	}
});

describe('Trustpilot Trigger', () => {
	const CALLER = ['caller', 'for', 'bad', 'inputs', '1234'].join('-');
	test('bad bodies answer 400 naming what is wrong and start nothing; non-Latin and long text pass through intact', async () => {
		recordSecrets([CALLER]);
		const receiver = await startTriggerReceiver({
			parameters: { events: ['*'], authentication: 'token', token: CALLER, simplify: true },
		});
		try {
			const post = (body: string, contentType = 'application/json', token = CALLER) =>
				callApi(`${receiver.url}?token=${encodeURIComponent(token)}`, {
					method: 'POST',
					headers: { 'content-type': contentType },
					body,
				});
			const text = `Ærøskøbing Ольга 山田太郎 — ${'é'.repeat(10000)}`;
			const answers = {
				notJson: await post('{"events": [', 'text/plain'),
				noEvents: await post('{"event": {}}'),
				noEventName: await post('{"events": [{"version": "1"}]}'),
				wrongToken: await post('{"events": []}', 'application/json', 'wrong-token-000000'),
				longEventName: await post(
					JSON.stringify({ events: [{ eventName: 'x'.repeat(10000), eventData: {} }] }),
				),
				nonLatin: await post(
					JSON.stringify({
						events: [
							{
								eventName: 'service-review-created',
								version: '1',
								eventData: { id: 'a1b2c3d4e5f6a1b2c3d4e5f6', text, title: '很好', stars: 5 },
							},
						],
					}),
				),
			};
			await receiver.idle();
			for (const execution of receiver.executions) recordRun('webhook', execution);
			const said = (answer: { status: number; json: unknown }) => ({
				status: answer.status,
				message: String((answer.json as IDataObject)?.message),
			});
			expect(said(answers.notJson)).toMatchObject({
				status: 400,
				message: expect.stringMatching(/not valid JSON/),
			});
			expect(said(answers.noEvents)).toMatchObject({
				status: 400,
				message: expect.stringMatching(/no "events" array/),
			});
			expect(said(answers.noEventName)).toMatchObject({
				status: 400,
				message: expect.stringMatching(/events\[0\] has no "eventName"/),
			});
			expect(answers.wrongToken.status).toBe(401);
			expect(answers.wrongToken.text).not.toContain(CALLER);
			expect(answers.longEventName.status).toBe(200);
			expect(answers.nonLatin.status).toBe(200);
			// Only the two well-formed posts started executions; the text arrived unchanged.
			expect(receiver.executions).toHaveLength(2);
			const items = receiver.executions.flat();
			expect(items.find((item) => item.eventName === 'service-review-created')?.text).toBe(text);
		} finally {
			await receiver.close();
		}
	});
});

/** A wrong value of a credential field, made at run time. */
const wrong = (field: string) => `not-the-${field}-0000000042`;

describe('credentials with a wrong grant, secret or login', () => {
	// Every failed grant counts against the token quota (5 a minute): start each case afresh.
	beforeEach(async () => {
		await fixture.client.reset();
	});
	const privateGet: INodeParameters = {
		resource: 'serviceReview',
		operation: 'get',
		source: 'private',
		reviewId: '={{ $json.reviewId }}',
	};
	const cases: Array<{
		why: string;
		credential: () => Promise<TestCredential>;
		message: RegExp;
		requests?: number;
	}> = [
		{
			why: 'wrong password (password grant)',
			credential: () => trustpilotCredential(fixture, 'password', { password: wrong('password') }),
			message: /password|login|invalid_grant/i,
		},
		{
			why: 'two-factor user (password grant)',
			credential: () => trustpilotCredential(fixture, 'password', { username: '2fa@example.com' }),
			message: /two-factor/i,
		},
		{
			why: 'wrong API secret (client credentials)',
			credential: () =>
				trustpilotCredential(fixture, 'clientCredentials', { apiSecret: wrong('secret') }),
			message: /API secret/i,
		},
		{
			why: 'API key only for a private operation',
			credential: () => trustpilotCredential(fixture, 'apiKey'),
			message: /needs an access token/i,
			requests: 0,
		},
	];
	for (const bad of cases) {
		test(`${bad.why}: each item says what to fix, and nothing secret`, async () => {
			const credential = await bad.credential();
			const run = await runTrustpilot(fixture, credential, privateGet, {
				input: [{ reviewId: world.reviewId }, { reviewId: world.reviewId }],
				continueOnFail: true,
			});
			expect(run.items).toHaveLength(2);
			for (const item of run.items) {
				expect(`${String(item.error)} ${String(item.details ?? '')}`).toMatch(bad.message);
				for (const field of ['password', 'apiSecret']) {
					const secret = String(credential.data()[field] ?? '');
					if (secret.length > 6) expect(JSON.stringify(item)).not.toContain(secret);
				}
			}
			if (bad.requests !== undefined) expect(run.requests).toHaveLength(bad.requests);
			const single = await runTrustpilot(fixture, credential, privateGet, {
				input: [{ reviewId: world.reviewId }],
			});
			expect(errorText(single.error)).toMatch(bad.message);
		});
	}
});
