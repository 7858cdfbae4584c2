// Service Review › Remove Tag: DELETE with group and value, checked in the emulator's state.

import {
	addKnownReview,
	runServiceReview,
	useServiceReviewEmulator,
	storedReview,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Tags', () => {
	test('Remove Tag sends DELETE with group and value', async () => {
		const review = await addKnownReview(emulator, env.info, {
			tags: [
				{ group: 'generic', value: 'vip' },
				{ group: 'crm', value: 'case-17' },
			],
		});
		const run = await runServiceReview(emulator, 'removeTag', {
			reviewId: String(review.id),
			group: 'crm',
			value: 'case-17',
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`DELETE /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].query).toEqual({ group: 'crm', value: 'case-17' });
		expect(run.items).toEqual([
			{
				success: true,
				action: 'tagRemoved',
				reviewId: String(review.id),
				tag: { group: 'crm', value: 'case-17' },
			},
		]);
		expect((await storedReview(env, review.id)).tags).toEqual([{ group: 'generic', value: 'vip' }]);
	});
});
