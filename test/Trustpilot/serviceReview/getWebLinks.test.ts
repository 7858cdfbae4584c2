// Service Review › Get Web Links: the locale sent and the review's links returned.

import { addKnownReview, runServiceReview, useServiceReviewEmulator } from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Get Likes and Get Web Links', () => {
	test('Get Web Links sends the locale and returns the links', async () => {
		const seeded = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'getWebLinks',
			{ reviewId: String(seeded.id), locale: 'da-DK' },
			{ mode: 'apiKey' },
		);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].path).toBe(`/v1/reviews/${String(seeded.id)}/web-links`);
		expect(run.requests[0].query).toEqual({ locale: 'da-DK' });
		expect(run.items[0]).toMatchObject({
			reviewId: String(seeded.id),
			locale: 'da-DK',
			reviewUrl: `https://dk.trustpilot.com/reviews/${String(seeded.id)}`,
		});
	});

	test('Get Web Links: a locale that is no language-country code fails before sending', async () => {
		const seeded = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'getWebLinks',
			{ reviewId: String(seeded.id), locale: 'dk' },
			{ mode: 'apiKey' },
		);
		expect(run.error?.message).toBe('Locale: "dk" is not a locale');
		expect(run.requests).toHaveLength(0);
	});
});
