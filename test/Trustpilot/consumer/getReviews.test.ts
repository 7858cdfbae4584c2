// Consumer › Get Reviews: Return All over two pages of a seeded reviewer (simplified), and filters with Limit (raw).
import type { IDataObject } from 'n8n-workflow';

import { errorOf, runConsumer, seedProlificReviewer, useConsumerEmulator } from './support';

const env = useConsumerEmulator();
const { emulator } = env;

describe('Consumer', () => {
	const reviewer = seedProlificReviewer(env);

	test('Get Reviews, Return All: 130 reviews in two requests of 100, simplified', async () => {
		const done = await runConsumer(emulator, 'getReviews', {
			consumerId: reviewer.consumerId,
			returnAll: true,
		});
		expect(errorOf(done)).toBeUndefined();
		expect(done.items).toHaveLength(130);
		expect(new Set(done.items.map((review) => review.id)).size).toBe(130);
		expect(
			done.requests.map((request) => [request.path, request.query.page, request.query.perPage]),
		).toEqual([
			[`/v1/consumers/${reviewer.consumerId}/reviews`, '1', '100'],
			[`/v1/consumers/${reviewer.consumerId}/reviews`, '2', '100'],
		]);
		expect(
			done.items.every(
				(review) =>
					review.consumerId === reviewer.consumerId && 'link' in review && !('consumer' in review),
			),
		).toBe(true);
		expect(
			done.items.filter((review) => review.businessUnitId === reviewer.secondBusinessUnitId),
		).toHaveLength(30);
	});

	test('Get Reviews with filters and Limit: one request, filters in the query, raw output', async () => {
		const done = await runConsumer(emulator, 'getReviews', {
			consumerId: reviewer.consumerId,
			returnAll: false,
			limit: 10,
			simplify: false,
			filters: {
				stars: [1],
				language: 'DA',
				businessUnitId: reviewer.secondBusinessUnitId,
				orderBy: 'createdat.asc',
				includeReportedReviews: true,
			},
		});
		expect(errorOf(done)).toBeUndefined();
		expect(done.requests).toHaveLength(1);
		expect(done.requests[0].query).toEqual({
			perPage: '10',
			page: '1',
			stars: '1',
			language: 'da',
			businessUnitId: reviewer.secondBusinessUnitId,
			orderBy: 'createdat.asc',
			includeReportedReviews: 'true',
		});
		expect(done.items).toHaveLength(10);
		expect(
			done.items.every(
				(review) =>
					review.stars === 1 &&
					(review.businessUnit as IDataObject).id === reviewer.secondBusinessUnitId,
			),
		).toBe(true);
		const dates = done.items.map((review) => Date.parse(String(review.createdAt)));
		expect(dates).toEqual([...dates].sort((a, b) => a - b));
	});

	test('Get Reviews: Include Reported Reviews that is no switch fails before any request', async () => {
		const done = await runConsumer(emulator, 'getReviews', {
			consumerId: reviewer.consumerId,
			limit: 5,
			filters: { includeReportedReviews: '={{ "nope" }}' },
		});
		expect(errorOf(done)?.message).toBe(
			'Include Reported Reviews: must be true or false, but is "nope"',
		);
		expect(done.requests).toHaveLength(0);
	});
});
