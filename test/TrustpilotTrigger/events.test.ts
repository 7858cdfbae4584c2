import type { IDataObject } from 'n8n-workflow';

import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { fire, lastSeq, serviceEvent, tokenAuth, URL_TOKEN, useReceivers } from './webhookTestKit';

const fixture = useEmulator();
const receiver = useReceivers();

describe('Trustpilot Trigger: events', () => {
	const mixed = [
		serviceEvent('service-review-created', 'bbbbbbbbbbbbbbbbbbbbbbb1'),
		{
			eventName: 'service-review-deleted',
			version: '1',
			eventData: { id: 'bbbbbbbbbbbbbbbbbbbbbbb2' },
		},
		{
			eventName: 'product-review-created',
			version: '1',
			eventData: {
				id: 'bbbbbbbbbbbbbbbbbbbbbbb3',
				stars: 5,
				content: 'Fits well',
				product: { sku: 'TEE-1', name: 'T-shirt' },
				referenceId: 'order-77',
				consumer: { id: 'c2', name: 'Bo', email: 'bo@example.com' },
				state: 'published',
				createdAt: '2026-11-21T08:00:00.000Z',
			},
		},
		{ eventName: 'invitation-sent', version: '1', eventData: { id: 'x' } },
	];

	it('splits one POST into one item per selected event, in order, and drops the others', async () => {
		const started = await receiver(tokenAuth(['service-review-created', 'product-review-created']));
		const reply = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, { events: mixed });
		await started.idle();
		expect(reply.status).toBe(200);
		expect(reply.json).toEqual({ received: 4, accepted: 2 });
		expect(started.executions).toHaveLength(1);
		const [service, product] = started.executions[0];
		expect(started.executions[0]).toHaveLength(2);
		expect(service).toMatchObject({
			eventName: 'service-review-created',
			version: '1',
			reviewType: 'service',
			eventType: 'created',
			id: 'bbbbbbbbbbbbbbbbbbbbbbb1',
			stars: 2,
			consumerName: 'Ann Example',
			link: 'https://www.trustpilot.com/reviews/bbbbbbbbbbbbbbbbbbbbbbb1',
		});
		expect(product).toMatchObject({
			eventName: 'product-review-created',
			reviewType: 'product',
			id: 'bbbbbbbbbbbbbbbbbbbbbbb3',
			sku: 'TEE-1',
			consumerEmail: 'bo@example.com',
			referenceId: 'order-77',
		});
	});

	it('"All Events" passes every event, unknown names included; raw data when Simplify is off', async () => {
		const started = await receiver({ ...tokenAuth(['*']), simplify: false });
		await fire(fixture, `${started.url}?token=${URL_TOKEN}`, { events: mixed });
		await started.idle();
		const items = started.executions[0];
		expect(items.map((item) => item.eventName)).toEqual(mixed.map((event) => event.eventName));
		expect(items[0]).toMatchObject({
			consumer: { id: 'c0ffee000000000000000001', name: 'Ann Example' },
			title: 'Late delivery',
		});
		expect(items[1]).toEqual({
			eventName: 'service-review-deleted',
			version: '1',
			reviewType: 'service',
			eventType: 'deleted',
			id: 'bbbbbbbbbbbbbbbbbbbbbbb2',
		});
		expect(items[3]).toMatchObject({ reviewType: 'unknown', eventType: 'invitation-sent' });
	});

	it('acknowledges a POST without selected events and starts nothing', async () => {
		const started = await receiver(tokenAuth(['service-review-updated']));
		const reply = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, { events: mixed });
		const empty = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, { events: [] });
		await started.idle();
		expect(reply.json).toEqual({ received: 4, accepted: 0 });
		expect(empty.json).toEqual({ received: 0, accepted: 0 });
		expect(started.executions).toHaveLength(0);
	});
});

describe('Trustpilot Trigger: Fetch Full Review', () => {
	it('adds the consumer email and reference ID from the private review, after answering the caller', async () => {
		const info = await fixture.client.info();
		const [created] = (
			await fixture.client.addReviews({
				businessUnitId: info.mainBusinessUnit.id,
				stars: 1,
				email: 'angry.customer@example.com',
				referenceId: 'ORDER-4711',
			})
		).reviews;
		const reviewId = String(created.id);
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const started = await receiver(
			{ ...tokenAuth(['service-review-created']), fetchFullReview: true },
			{ credentials: credential.credentials, store: credential.store },
		);
		// A slow API must not delay the answer to Trustpilot.
		await fixture.client.addFault({
			match: { pathPrefix: `/v1/private/reviews/${reviewId}` },
			action: { latencyMs: 1500 },
		});
		const since = await lastSeq(fixture);
		const startedAt = Date.now();
		const reply = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, {
			reviewId,
			eventName: 'service-review-created',
		});
		const answeredAfter = Date.now() - startedAt;
		await started.idle();

		expect(reply.status).toBe(200);
		expect(answeredAfter).toBeLessThan(1200);
		const stored = await fixture.client.getReview(reviewId);
		const [item] = started.executions[0];
		expect(item).toMatchObject({
			eventName: 'service-review-created',
			id: reviewId,
			stars: 1,
			consumerEmail: 'angry.customer@example.com',
			referenceId: 'ORDER-4711',
		});
		// The documented private shape carries the email at the top level, not in `consumer`.
		expect(item.consumerEmail).toBe(stored.referralEmail);
		expect((stored.consumer as IDataObject).email).toBeUndefined();
		expect(item.fullReviewError).toBeUndefined();
		const lookups = (await fixture.client.requests({ since })).filter((entry) =>
			entry.path.startsWith('/v1/private/reviews/'),
		);
		expect(lookups.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			`GET /v1/private/reviews/${reviewId}`,
		]);
	});

	it('keeps the event and reports why when the credential cannot read private reviews', async () => {
		const info = await fixture.client.info();
		const [created] = (
			await fixture.client.addReviews({ businessUnitId: info.mainBusinessUnit.id })
		).reviews;
		const credential = await trustpilotCredential(fixture, 'apiKey');
		const started = await receiver(
			{ ...tokenAuth(['*']), fetchFullReview: true, simplify: false },
			{ credentials: credential.credentials, store: credential.store },
		);
		const since = await lastSeq(fixture);
		const reply = await fire(fixture, `${started.url}?token=${URL_TOKEN}`, {
			reviewId: String(created.id),
		});
		await started.idle();
		expect(reply.status).toBe(200);
		const [item] = started.executions[0];
		expect(item.id).toBe(created.id);
		expect(item.review).toBeUndefined();
		expect(String(item.fullReviewError)).toMatch(/access token/);
		expect(JSON.stringify(item)).not.toContain(String(credential.data().apiKey));
		expect(await fixture.client.requests({ since })).toHaveLength(0);
	});

	it('does not look up deleted or product reviews', async () => {
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const started = await receiver(
			{ ...tokenAuth(['*']), fetchFullReview: true },
			{ credentials: credential.credentials, store: credential.store },
		);
		const since = await lastSeq(fixture);
		await fire(fixture, `${started.url}?token=${URL_TOKEN}`, {
			events: [
				{ eventName: 'service-review-deleted', eventData: { id: 'ccccccccccccccccccccccc1' } },
				{
					eventName: 'product-review-created',
					eventData: { id: 'ccccccccccccccccccccccc2', stars: 4 },
				},
			],
		});
		await started.idle();
		expect(started.executions[0]).toHaveLength(2);
		expect(await fixture.client.requests({ since })).toHaveLength(0);
	});
});
