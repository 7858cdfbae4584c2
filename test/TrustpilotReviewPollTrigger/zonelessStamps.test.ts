// A createdAt without a zone (the format Trustpilot's documentation uses for its dates, e.g.
// 2013-09-07T13:37:00) means UTC, as everywhere else in this package, whatever TZ the n8n host
// runs in. Run under TZ=Europe/Berlin and TZ=America/Los_Angeles by `npm run test:tz`.
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../harness/fixtures';
import { pollerFor, reviewIds, unitById } from '../harness/reviewSync';
import { businessUnitByDomain } from './truth';

const fixture = useEmulator();

const reviewsRoute = '/v1/private/business-units/{businessUnitId}/reviews';

const review = (id: string, createdAt: string): IDataObject => ({
	id,
	createdAt,
	updatedAt: null,
	stars: 4,
	title: `Review ${id.slice(0, 4)}`,
	text: 'zone-less stamp',
});

describe('Review Poll Trigger: createdAt without a zone', () => {
	it('is read as UTC: a review half an hour after the Start Date is emitted, one before it is not', async () => {
		const unit = await businessUnitByDomain(fixture, 'example.de');
		const before = review('a'.repeat(24), '2024-04-30T23:30:00');
		const after = review('b'.repeat(24), '2024-05-01T00:30:00');
		// The reported list and the list answer with the same two reviews.
		await fixture.client.addFault({
			match: { route: reviewsRoute },
			action: { status: 200, body: { reviews: [before, after], links: [] } },
			times: 2,
		});
		const poller = await pollerFor(fixture, [unitById(unit.id)], {
			start: 'date',
			startDate: '2024-05-01T00:00:00',
			simplify: false,
		});
		const outcome = await poller.poll();
		expect(outcome.error).toBeUndefined();
		expect(reviewIds(outcome.items)).toEqual([after.id]);
	});
});
