// Service Review › Set Tags: POST replaces all tags, checked in the emulator's state.

import {
	addKnownReview,
	runServiceReview,
	useServiceReviewEmulator,
	storedReview,
	tagsParameter,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Tags', () => {
	test('Set Tags (POST) replaces all tags', async () => {
		const review = await addKnownReview(emulator, env.info, {
			tags: [{ group: 'generic', value: 'vip' }],
		});
		const run = await runServiceReview(emulator, 'setTags', {
			reviewId: String(review.id),
			tags: tagsParameter(['generic', 'handled']),
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].body).toEqual({ tags: [{ group: 'generic', value: 'handled' }] });
		expect(run.items[0]).toMatchObject({ success: true, action: 'tagsSet' });
		expect((await storedReview(env, review.id)).tags).toEqual([
			{ group: 'generic', value: 'handled' },
		]);
	});
});
