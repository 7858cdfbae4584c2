// simplifyServiceReview on the shapes it meets outside the API lists: a webhook event's
// eventData (consumer.name, locationId, API link) and a sparse public review.
import { simplifyServiceReview } from '../../nodes/shared/simplify';

describe('simplifyServiceReview', () => {
	test('webhook eventData: name instead of displayName, locationId, tags, no email', () => {
		const row = simplifyServiceReview({
			id: '5f3b2c1a9d8e7f6a5b4c3d2e',
			language: 'da',
			title: 'Hurtig levering',
			text: 'Pakken kom dagen efter.',
			referenceId: 'ORD-555',
			stars: 5,
			createdAt: '2017-05-20T09:34:44.000Z',
			isVerified: true,
			locationId: null,
			link: 'https://api.trustpilot.com/v1/reviews/5f3b2c1a9d8e7f6a5b4c3d2e',
			consumer: {
				id: '4c1d2e3f4a5b6c7d8e9f0a1b',
				name: 'Mette K.',
				link: 'https://api.trustpilot.com/v1/consumers/x',
			},
			tags: [{ group: 'generic', value: 'express' }],
		});
		expect(row).toEqual({
			id: '5f3b2c1a9d8e7f6a5b4c3d2e',
			businessUnitId: null,
			stars: 5,
			title: 'Hurtig levering',
			text: 'Pakken kom dagen efter.',
			language: 'da',
			createdAt: '2017-05-20T09:34:44.000Z',
			updatedAt: null,
			experiencedAt: null,
			isVerified: true,
			consumerId: '4c1d2e3f4a5b6c7d8e9f0a1b',
			consumerName: 'Mette K.',
			consumerLocation: null,
			referenceId: 'ORD-555',
			tags: 'generic:express',
			replyText: null,
			replyDate: null,
			location: null,
			locationId: null,
			link: 'https://www.trustpilot.com/reviews/5f3b2c1a9d8e7f6a5b4c3d2e',
		});
	});

	test('a sparse review keeps every always-present column, as null', () => {
		const row = simplifyServiceReview({ id: 'abc' });
		expect(Object.keys(row)).toEqual([
			'id',
			'businessUnitId',
			'stars',
			'title',
			'text',
			'language',
			'createdAt',
			'updatedAt',
			'experiencedAt',
			'isVerified',
			'consumerId',
			'consumerName',
			'consumerLocation',
			'replyText',
			'replyDate',
			'location',
			'locationId',
			'link',
		]);
		expect(Object.values(row).filter((value) => value !== null)).toEqual([
			'abc',
			'https://www.trustpilot.com/reviews/abc',
		]);
	});
});
