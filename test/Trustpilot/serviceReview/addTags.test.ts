// Service Review › writes: Reply (author default, no resend after a 5xx), Delete Reply, tags and
// Request Find Reviewer. Results are checked in the emulator's state, not only in node output.

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { addKnownReview, byId, errorOf, runServiceReview } from './support';

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

	test('Add Tags (PUT) keeps existing tags; the group defaults to "generic"', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [{ group: 'generic', value: 'vip' }],
		});
		const run = await runServiceReview(emulator, 'addTags', {
			reviewId: String(review.id),
			tags: { tag: [{ value: 'refund' }, { group: 'crm', value: 'case-17' }] },
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`PUT /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].body).toEqual({
			tags: [
				{ group: 'generic', value: 'refund' },
				{ group: 'crm', value: 'case-17' },
			],
		});
		expect(run.items[0]).toMatchObject({
			success: true,
			action: 'tagsAdded',
			reviewId: String(review.id),
		});
		expect((await privateReview(review.id)).tags).toEqual([
			{ group: 'generic', value: 'vip' },
			{ group: 'generic', value: 'refund' },
			{ group: 'crm', value: 'case-17' },
		]);
	});

	test('tags with spaces are review tags like any other: added, then found by the tag filter', async () => {
		// The docs filter by tagGroup=Group Name / tagValue=Tag Name; only BGL and invitation tags forbid spaces.
		const review = await addKnownReview(emulator, info);
		const run = await runServiceReview(
			emulator,
			'addTags',
			{ reviewId: '={{ $json.id }}', tags: tags(['Group Name', 'late delivery']) },
			{ input: [{ id: review.id }] },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].body).toEqual({
			tags: [{ group: 'Group Name', value: 'late delivery' }],
		});
		const stored = await emulator.client.getReview(String(review.id));
		expect(stored.tags).toEqual([{ group: 'Group Name', value: 'late delivery' }]);
		const listed = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(info.mainBusinessUnit.id),
			source: 'private',
			returnAll: true,
			simplify: false,
			filters: { tagGroup: 'Group Name', tagValue: 'late delivery' },
		});
		expect(errorOf(listed)).toBeUndefined();
		expect(listed.requests[0].query).toMatchObject({
			tagGroup: 'Group Name',
			tagValue: 'late delivery',
		});
		expect(listed.items.map((item) => item.id)).toEqual([review.id]);
	});

	test('Add Tags without any tag is rejected', async () => {
		const review = await addKnownReview(emulator, info);
		const run = await runServiceReview(emulator, 'addTags', {
			reviewId: String(review.id),
			tags: {},
		});
		expect(errorOf(run)?.message).toBe('Tags: add at least one tag');
		expect(run.requests).toHaveLength(0);
	});
});
