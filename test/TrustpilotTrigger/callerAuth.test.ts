import type { IDataObject } from 'n8n-workflow';

import { callApi } from '../harness/emulatorClient';
import { useEmulator } from '../harness/fixtures';
import { fire, serviceEvent, tokenAuth, URL_TOKEN, useReceivers } from './webhookTestKit';
import { withUserInfo } from './webhookReceiver';
import { BASIC_MISSING } from '../../nodes/TrustpilotTrigger/callerAuth';
import { variantActive } from '../harness/variants';

const fixture = useEmulator();
const receiver = useReceivers();

describe('Trustpilot Trigger: caller authentication', () => {
	it('answers 401 without starting an execution when the token is missing or wrong', async () => {
		const started = await receiver(tokenAuth());
		const events = [serviceEvent('service-review-created', 'aaaaaaaaaaaaaaaaaaaaaaa1')];

		const missing = await fire(fixture, started.url, { events });
		const wrong = await fire(fixture, `${started.url}?token=${URL_TOKEN}x`, { events });
		const truncated = await fire(fixture, `${started.url}?token=${URL_TOKEN.slice(0, -1)}`, {
			events,
		});
		await started.idle();

		for (const reply of [missing, wrong, truncated]) {
			expect(reply.status).toBe(401);
			expect(String(reply.json?.message)).toMatch(/^Unauthorized/);
			expect(reply.text).not.toContain(URL_TOKEN);
		}
		expect(started.executions).toHaveLength(0);
		expect(started.results.every((result) => result.workflowData === undefined)).toBe(true);

		const right = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, { events });
		await started.idle();
		expect(right.status).toBe(200);
		expect(right.json).toEqual({ received: 1, accepted: 1 });
		expect(started.executions).toHaveLength(1);
		expect(started.executions[0][0]).toMatchObject({
			eventName: 'service-review-created',
			id: 'aaaaaaaaaaaaaaaaaaaaaaa1',
		});
	});

	it('checks Basic auth sent from the userinfo of the subscription URL and challenges callers without it', async () => {
		const started = await receiver({
			events: ['*'],
			authentication: 'basicAuth',
			user: 'trustpilot',
			password: 'p4ss:with-colon',
		});
		const events = [serviceEvent('service-review-updated', 'aaaaaaaaaaaaaaaaaaaaaaa2')];

		const anonymous = await callApi(started.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ events }),
		});
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
		expect((anonymous.json as IDataObject).message).toBe(`Unauthorized: ${BASIC_MISSING}`);

		const wrongPassword = await fire(
			fixture,
			withUserInfo(started.url, 'trustpilot', 'p4ss:with'),
			{
				events,
			},
		);
		const wrongUser = await fire(
			fixture,
			withUserInfo(started.url, 'trustpilot2', 'p4ss:with-colon'),
			{
				events,
			},
		);
		await started.idle();
		expect([wrongPassword.status, wrongUser.status]).toEqual([401, 401]);
		expect(started.executions).toHaveLength(0);

		// Undocumented whether Trustpilot turns the URL's userinfo into an Authorization header (as
		// HTTP clients do, the default) or drops it (variant webhook-no-basic).
		const right = await fire(fixture, withUserInfo(started.url, 'trustpilot', 'p4ss:with-colon'), {
			events,
		});
		await started.idle();
		if (variantActive('webhook-no-basic')) {
			// The caller (e.g. Trustpilot's Test button) is told what works instead: a URL token.
			expect(right.status).toBe(401);
			expect(String(right.json?.message)).toBe(`Unauthorized: ${BASIC_MISSING}`);
			expect(String(right.json?.message)).toContain('set Authentication to "Token"');
			expect(right.text).not.toContain('p4ss');
			expect(started.executions).toHaveLength(0);
			return;
		}
		expect(right.status).toBe(200);
		expect(started.executions).toHaveLength(1);
		expect(started.executions[0][0]).toMatchObject({
			eventName: 'service-review-updated',
			eventType: 'updated',
		});
	});

	it('with Authentication "None" accepts any caller', async () => {
		const started = await receiver({ events: ['*'], authentication: 'none' });
		const reply = await fire(fixture, started.url, {
			events: [serviceEvent('service-review-created', 'aaaaaaaaaaaaaaaaaaaaaaa3')],
		});
		await started.idle();
		expect(reply.status).toBe(200);
		expect(started.executions).toHaveLength(1);
	});
});

describe('Trustpilot Trigger: bodies', () => {
	const badBodies: Array<[string, IDataObject, RegExp]> = [
		[
			'text that is not JSON',
			{ rawBody: 'review created!', headers: { 'content-type': 'text/plain' } },
			/not valid JSON/,
		],
		[
			'JSON without events',
			{ rawBody: JSON.stringify({ eventName: 'service-review-created' }) },
			/no "events" array/,
		],
		[
			'events that is not an array',
			{ rawBody: JSON.stringify({ events: { eventName: 'x' } }) },
			/no "events" array/,
		],
		[
			'a JSON array',
			{ rawBody: JSON.stringify([{ eventName: 'service-review-created' }]) },
			/no "events" array/,
		],
		[
			'an event without eventName',
			{ rawBody: JSON.stringify({ events: [{ version: '1', eventData: {} }] }) },
			/events\[0\] has no "eventName"/,
		],
	];

	it.each(badBodies)('answers 400 to %s and starts nothing', async (_label, body, message) => {
		const started = await receiver(tokenAuth());
		const reply = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, body);
		await started.idle();
		expect(reply.status).toBe(400);
		expect(String(reply.json?.message)).toMatch(message);
		expect(String(reply.json?.message)).toContain('{"events":[');
		expect(started.executions).toHaveLength(0);
	});

	it.each([1, 2])(
		'reads a JSON body sent with another content type from the raw bytes (node version %i)',
		async (typeVersion) => {
			const started = await receiver(tokenAuth(), { typeVersion });
			const payload = JSON.stringify({
				events: [serviceEvent('service-review-created', 'aaaaaaaaaaaaaaaaaaaaaaa4')],
			});
			const reply = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, {
				rawBody: payload,
				headers: { 'content-type': 'application/octet-stream' },
			});
			await started.idle();
			expect(reply.status).toBe(200);
			expect(started.executions[0].map((item) => item.id)).toEqual(['aaaaaaaaaaaaaaaaaaaaaaa4']);
		},
	);

	it('never reaches the node with broken JSON labelled application/json (n8n answers 422 itself)', async () => {
		const started = await receiver(tokenAuth());
		const reply = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, {
			rawBody: '{"events": [',
		});
		await started.idle();
		expect(reply.status).toBe(422);
		expect(started.results).toHaveLength(0);
	});
});
