// Service Review › Get: public and private reads, Simplify's flat row with the reply, continueOnFail over bad IDs.
import type { IDataObject } from 'n8n-workflow';

import {
	addKnownReview,
	errorOf,
	pairedIndexes,
	runServiceReview,
	useServiceReviewEmulator,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Get', () => {
	test('public Get reads /reviews/{id} and has no private fields', async () => {
		const seeded = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'get',
			{ reviewId: String(seeded.id), source: 'public', simplify: false },
			{ mode: 'apiKey' },
		);
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/reviews/${String(seeded.id)}`,
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			id: seeded.id,
			title: seeded.title,
			text: seeded.text,
			stars: 2,
		});
		expect((run.items[0].consumer as IDataObject).email).toBeUndefined();
		expect(run.items[0].referenceId).toBeUndefined();
	});

	test('an ID copied in upper case is sent the way Trustpilot writes it and finds the review', async () => {
		const seeded = await addKnownReview(emulator, env.info);
		const id = String(seeded.id);
		expect(id).toMatch(/^[0-9a-f]{24}$/);
		const run = await runServiceReview(
			emulator,
			'get',
			{ reviewId: ` ${id.toUpperCase()} `, source: 'public', simplify: false },
			{ mode: 'apiKey' },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((request) => request.path)).toEqual([`/v1/reviews/${id}`]);
		expect(run.items).toEqual([expect.objectContaining({ id, title: seeded.title })]);
	});

	test('private Get with Simplify gives the flat CRM row', async () => {
		const location = env.info.locations[1];
		const seeded = await addKnownReview(emulator, env.info, {
			tags: [
				{ group: 'generic', value: 'late-delivery' },
				{ group: 'crm', value: 'case-4711' },
			],
			locationId: location.id,
		});
		await emulator.client.clearRequests();
		const run = await runServiceReview(emulator, 'get', {
			reviewId: String(seeded.id),
			source: 'private',
			simplify: true,
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/private/reviews/${String(seeded.id)}`,
		]);
		const consumer = seeded.consumer as IDataObject;
		expect(run.items).toEqual([
			{
				id: seeded.id,
				businessUnitId: env.info.mainBusinessUnit.id,
				stars: 2,
				title: seeded.title,
				text: seeded.text,
				language: 'en',
				createdAt: seeded.createdAt,
				updatedAt: null,
				experiencedAt: seeded.experiencedAt,
				isVerified: true,
				consumerId: consumer.id,
				consumerName: consumer.displayName,
				consumerLocation: consumer.displayLocation,
				// The documented private shape has the e-mail as top-level referralEmail.
				consumerEmail: seeded.referralEmail,
				referenceId: seeded.referenceId,
				source: 'afs',
				tags: 'generic:late-delivery, crm:case-4711',
				replyText: null,
				replyDate: null,
				location: location.name,
				locationId: location.id,
				link: `https://www.trustpilot.com/reviews/${String(seeded.id)}`,
			},
		]);
		expect(String(seeded.referralEmail)).toMatch(/^buyer\.[a-z0-9]+@mail\.example\.net$/);
		expect(consumer).not.toHaveProperty('email');
		expect(String(seeded.referenceId)).toMatch(/^ORD-T-/);
	});

	test('a reply shows up in the simplified row', async () => {
		// A seeded review that already has a company reply (the seed answers ~30%).
		const listed = await runServiceReview(emulator, 'getAll', {
			businessUnit: { __rl: true, mode: 'id', value: env.info.mainBusinessUnit.id },
			source: 'private',
			limit: 1,
			simplify: false,
			filters: { responded: true },
		});
		const raw = listed.items[0];
		const reply = raw.companyReply as IDataObject;
		expect(typeof reply.text).toBe('string');
		const run = await runServiceReview(emulator, 'get', {
			reviewId: String(raw.id),
			source: 'private',
		});
		expect(run.items[0]).toMatchObject({
			id: raw.id,
			replyText: reply.text,
			replyDate: reply.updatedAt,
		});
	});

	test('continueOnFail: a malformed ID and an unknown ID become error items, good IDs still run', async () => {
		const first = await addKnownReview(emulator, env.info);
		const second = await addKnownReview(emulator, env.info);
		const unknown = 'abcdefabcdefabcdefabcdef';
		const run = await runServiceReview(
			emulator,
			'get',
			{ reviewId: '={{ $json.reviewId }}', source: 'public' },
			{
				mode: 'apiKey',
				continueOnFail: true,
				input: [
					{ reviewId: first.id },
					{ reviewId: 'not-a-review-id' },
					{ reviewId: unknown },
					{ reviewId: second.id },
				],
			},
		);
		expect(run.result.error).toBeUndefined();
		expect(pairedIndexes(run)).toEqual([0, 1, 2, 3]);
		expect(run.items[0].id).toBe(first.id);
		expect(run.items[1].error).toBe('Review ID: "not-a-review-id" is not a Trustpilot ID');
		expect(String(run.items[2].error)).toMatch(/Not found/);
		expect(run.items[2].httpCode).toBe('404');
		expect(run.items[3].id).toBe(second.id);
		// The malformed ID was never sent.
		expect(run.requests.map((request) => request.path)).toEqual([
			`/v1/reviews/${String(first.id)}`,
			`/v1/reviews/${unknown}`,
			`/v1/reviews/${String(second.id)}`,
		]);
	});

	test('without continueOnFail the run stops at the bad item and says which one', async () => {
		const good = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'get',
			{ reviewId: '={{ $json.reviewId }}' },
			{ mode: 'apiKey', input: [{ reviewId: good.id }, { reviewId: '123' }] },
		);
		const error = errorOf(run) as unknown as {
			message: string;
			description: string;
			context: IDataObject;
		};
		expect(error.message).toBe('Review ID: "123" is not a Trustpilot ID');
		expect(error.context.itemIndex).toBe(1);
		expect(run.requests).toHaveLength(1);
	});

	test('Source from an expression: "Private" reads the private review; a value that is no choice sends nothing', async () => {
		const seeded = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'get',
			{ reviewId: String(seeded.id), source: '={{ $json.source }}' },
			{ input: [{ source: ' Private ' }, { source: 'business' }], continueOnFail: true },
		);
		expect(run.requests.map((request) => request.path)).toEqual([
			`/v1/private/reviews/${String(seeded.id)}`,
		]);
		expect(run.items[0]).toMatchObject({ id: seeded.id, referenceId: seeded.referenceId });
		expect(run.items[1].error).toBe('Source: "business" is not one of private, public');
		expect(pairedIndexes(run)).toEqual([0, 1]);
	});
});
