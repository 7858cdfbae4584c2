// Service Review › writes: Reply (author default, no resend after a 5xx), Delete Reply, tags and
// Request Find Reviewer. Results are checked in the emulator's state, not only in node output.

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { addKnownReview, runServiceReview } from './support';

const emulator = useEmulator();
let info: EmulatorInfo;

beforeAll(async () => {
	info = await emulator.client.info();
});

const privateReview = async (id: unknown) => await emulator.client.getReview(String(id));

describe('Tags', () => {
	const tags = (...pairs: Array<[string, string]>) => ({
		tag: pairs.map(([group, value]) => ({ group, value })),
	});

	test('Set Tags (POST) replaces all tags', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [{ group: 'generic', value: 'vip' }],
		});
		const run = await runServiceReview(emulator, 'setTags', {
			reviewId: String(review.id),
			tags: tags(['generic', 'handled']),
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].body).toEqual({ tags: [{ group: 'generic', value: 'handled' }] });
		expect(run.items[0]).toMatchObject({ success: true, action: 'tagsSet' });
		expect((await privateReview(review.id)).tags).toEqual([{ group: 'generic', value: 'handled' }]);
	});
});
