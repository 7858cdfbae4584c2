// Service Review › Request Find Reviewer: the message posted and recorded by the emulator.

import {
	addKnownReview,
	pairedIndexes,
	runServiceReview,
	useServiceReviewEmulator,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Request Find Reviewer', () => {
	test('posts the message and the emulator records the request', async () => {
		const review = await addKnownReview(emulator, env.info);
		const message = 'Could you share your order number so we can help?';
		const run = await runServiceReview(emulator, 'findReviewer', {
			reviewId: String(review.id),
			message,
			skipNotificationEmailToBusinessUser: true,
		});
		expect(
			run.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([`POST /v1/private/reviews/${String(review.id)}/find-reviewer 201`]);
		expect(run.requests[0].body).toEqual({ message, skipNotificationEmailToBusinessUser: true });
		expect(run.items).toEqual([
			{ success: true, action: 'findReviewerRequested', reviewId: String(review.id) },
		]);
		const recorded = (await emulator.client.state()).findReviewerRequests.filter(
			(entry) => entry.reviewId === review.id,
		);
		expect(recorded).toHaveLength(1);
		expect(recorded[0]).toMatchObject({
			message,
			skipNotificationEmailToBusinessUser: true,
			businessUnitId: env.info.mainBusinessUnit.id,
		});
	});

	test('Skip Notification Email given as text by an expression is sent as the boolean it stands for', async () => {
		const review = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'findReviewer',
			{
				reviewId: String(review.id),
				message: 'Which order was this?',
				skipNotificationEmailToBusinessUser: '={{ $json.skip }}',
			},
			{ input: [{ skip: 'false' }, { skip: 'maybe' }, { skip: ' TRUE ' }], continueOnFail: true },
		);
		// "false" is not sent as the (truthy) text "false"; a value that is no switch sends nothing.
		expect(run.requests.map((request) => request.body)).toEqual([
			{ message: 'Which order was this?', skipNotificationEmailToBusinessUser: false },
			{ message: 'Which order was this?', skipNotificationEmailToBusinessUser: true },
		]);
		expect(run.items[1].error).toMatch(
			/^Skip Notification Email: must be true or false, but is "maybe"/,
		);
		expect(pairedIndexes(run)).toEqual([0, 1, 2]);
	});
});
