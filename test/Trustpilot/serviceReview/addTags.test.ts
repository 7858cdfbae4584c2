// Service Review › Add Tags: existing tags kept, group defaults to generic, tags with spaces, an empty list rejected.

import {
	addKnownReview,
	byId,
	errorOf,
	pairedIndexes,
	runServiceReview,
	useServiceReviewEmulator,
	storedReview,
	tagsParameter,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Tags', () => {
	test('Add Tags (PUT) keeps existing tags; the group defaults to "generic"', async () => {
		const review = await addKnownReview(emulator, env.info, {
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
		expect((await storedReview(env, review.id)).tags).toEqual([
			{ group: 'generic', value: 'vip' },
			{ group: 'generic', value: 'refund' },
			{ group: 'crm', value: 'case-17' },
		]);
	});

	test('tags with spaces are review tags like any other: added, then found by the tag filter', async () => {
		// The docs filter by tagGroup=Group Name / tagValue=Tag Name; only BGL and invitation tags forbid spaces.
		const review = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'addTags',
			{ reviewId: '={{ $json.id }}', tags: tagsParameter(['Group Name', 'late delivery']) },
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
			businessUnit: byId(env.info.mainBusinessUnit.id),
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
		const review = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(emulator, 'addTags', {
			reviewId: String(review.id),
			tags: {},
		});
		expect(errorOf(run)?.message).toBe('Tags: add at least one tag');
		expect(run.requests).toHaveLength(0);
	});

	test('a tag value or group that an expression gave as an object or a list is an error, not "[object Object]"', async () => {
		const review = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'addTags',
			{
				reviewId: String(review.id),
				tags: { tag: [{ group: '={{ $json.group }}', value: '={{ $json.value }}' }] },
			},
			{
				input: [
					{ group: 'crm', value: { id: 7 } },
					{ group: ['a', 'b'], value: 'case-1' },
					{ group: 'crm', value: 42 },
				],
				continueOnFail: true,
			},
		);
		expect(run.items[0].error).toMatch(/^Tags #1 Value: must be text, but the value is an object/);
		expect(run.items[0].details).toMatch(/item 1/);
		expect(run.items[1].error).toMatch(/^Tags #1 Group: must be text, but the value is a list/);
		expect(run.items[1].details).toMatch(/item 2/);
		expect(run.items[2]).toMatchObject({ success: true, tags: [{ group: 'crm', value: '42' }] });
		expect(pairedIndexes(run)).toEqual([0, 1, 2]);
		// Only the good item was sent.
		expect(run.requests.map((request) => request.body)).toEqual([
			{ tags: [{ group: 'crm', value: '42' }] },
		]);
		expect((await storedReview(env, review.id)).tags).toEqual([{ group: 'crm', value: '42' }]);
	});
});
