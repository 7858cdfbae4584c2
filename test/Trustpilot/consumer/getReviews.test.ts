// Consumer and Category resources against the emulator: request paths and queries, items
// produced, page-link pagination costs and input checks.
import type { IDataObject } from 'n8n-workflow';

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { errorOf, runConsumer } from './support';

// Read-only operations: one seeded state (plus the reviews added below) serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;

beforeAll(async () => {
	info = await emulator.client.info();
});

describe('Consumer', () => {
	// A prolific reviewer: 100 five-star English reviews of the main company and 30 one-star
	// Danish reviews of the second one, so lists span two pages of 100.
	const email = 'prolific.reviewer@mail.example.net';
	let consumerId: string;
	let secondBusinessUnitId: string;

	beforeAll(async () => {
		secondBusinessUnitId = info.businessUnits.find(
			(unit) => unit.id !== info.mainBusinessUnit.id,
		)!.id;
		const first = await emulator.client.addReviews({
			businessUnitId: info.mainBusinessUnit.id,
			email,
			count: 100,
			stars: 5,
			language: 'en',
		});
		await emulator.client.addReviews({
			businessUnitId: secondBusinessUnitId,
			email,
			count: 30,
			stars: 1,
			language: 'da',
		});
		consumerId = String((first.reviews[0].consumer as IDataObject).id);
	});

	test('Get Reviews, Return All: 130 reviews in two requests of 100, simplified', async () => {
		const done = await runConsumer(emulator, 'getReviews', { consumerId, returnAll: true });
		expect(errorOf(done)).toBeUndefined();
		expect(done.items).toHaveLength(130);
		expect(new Set(done.items.map((review) => review.id)).size).toBe(130);
		expect(
			done.requests.map((request) => [request.path, request.query.page, request.query.perPage]),
		).toEqual([
			[`/v1/consumers/${consumerId}/reviews`, '1', '100'],
			[`/v1/consumers/${consumerId}/reviews`, '2', '100'],
		]);
		expect(
			done.items.every(
				(review) => review.consumerId === consumerId && 'link' in review && !('consumer' in review),
			),
		).toBe(true);
		expect(
			done.items.filter((review) => review.businessUnitId === secondBusinessUnitId),
		).toHaveLength(30);
	});

	test('Get Reviews with filters and Limit: one request, filters in the query, raw output', async () => {
		const done = await runConsumer(emulator, 'getReviews', {
			consumerId,
			returnAll: false,
			limit: 10,
			simplify: false,
			filters: {
				stars: [1],
				language: 'DA',
				businessUnitId: secondBusinessUnitId,
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
			businessUnitId: secondBusinessUnitId,
			orderBy: 'createdat.asc',
			includeReportedReviews: 'true',
		});
		expect(done.items).toHaveLength(10);
		expect(
			done.items.every(
				(review) =>
					review.stars === 1 && (review.businessUnit as IDataObject).id === secondBusinessUnitId,
			),
		).toBe(true);
		const dates = done.items.map((review) => Date.parse(String(review.createdAt)));
		expect(dates).toEqual([...dates].sort((a, b) => a - b));
	});
});
