// Service Review › single-review reads (Get, Simplify, Get Likes, Get Web Links) and
// continueOnFail across several input items.

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { addKnownReview, runServiceReview } from './support';

const emulator = useEmulator();
let info: EmulatorInfo;

beforeAll(async () => {
	info = await emulator.client.info();
});

describe('Get Likes and Get Web Links', () => {
	test('Get Likes reads /reviews/{id}/likes', async () => {
		const seeded = await addKnownReview(emulator, info);
		const run = await runServiceReview(
			emulator,
			'getLikes',
			{ reviewId: String(seeded.id) },
			{ mode: 'apiKey' },
		);
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/reviews/${String(seeded.id)}/likes`,
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			reviewId: String(seeded.id),
			numberOfLikes: 0,
			likes: [],
		});
	});
});
