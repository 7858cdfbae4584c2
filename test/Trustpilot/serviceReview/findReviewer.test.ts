// Service Review › Request Find Reviewer: the message posted and recorded by the emulator.

import { addKnownReview, runServiceReview, useServiceReviewEmulator } from './support';

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
});
