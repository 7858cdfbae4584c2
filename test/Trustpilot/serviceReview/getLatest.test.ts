// Service Review › Get Latest: language and count sent, one item per review, an empty language refused.
import { errorOf, runServiceReview, useServiceReviewEmulator } from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Get Latest', () => {
	test('sends language and count and returns one item per review', async () => {
		const run = await runServiceReview(
			emulator,
			'getLatest',
			{ language: 'de', limit: 7, additionalFields: { locale: 'de-DE' } },
			{ mode: 'apiKey' },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].path).toBe('/v1/reviews/latest');
		expect(run.requests[0].query).toEqual({ language: 'de', count: '7', locale: 'de-DE' });
		expect(run.items).toHaveLength(7);
		expect(run.items.every((item) => item.language === 'de')).toBe(true);
		const dates = run.items.map((item) => Date.parse(String(item.createdAt)));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
	});

	test('an empty language is rejected before any request', async () => {
		const run = await runServiceReview(
			emulator,
			'getLatest',
			{ language: ' ', limit: 5 },
			{ mode: 'apiKey' },
		);
		expect(errorOf(run)?.message).toBe('Language: is required and was empty');
		expect(run.requests).toHaveLength(0);
	});

	test('Only Consumers With Images given as text is sent as the switch; a bad Locale sends nothing', async () => {
		const off = await runServiceReview(
			emulator,
			'getLatest',
			{
				language: 'en',
				limit: 3,
				additionalFields: { filterUsersWithoutImages: '={{ "false" }}' },
			},
			{ mode: 'apiKey' },
		);
		expect(errorOf(off)).toBeUndefined();
		expect(off.requests[0].query).toEqual({
			language: 'en',
			count: '3',
			filterUsersWithoutImages: 'false',
		});
		const badLocale = await runServiceReview(
			emulator,
			'getLatest',
			{ language: 'en', limit: 3, additionalFields: { locale: 'english' } },
			{ mode: 'apiKey' },
		);
		expect(errorOf(badLocale)?.message).toBe(
			'Additional Fields → Locale: "english" is not a locale',
		);
		expect(badLocale.requests).toHaveLength(0);
	});
});
