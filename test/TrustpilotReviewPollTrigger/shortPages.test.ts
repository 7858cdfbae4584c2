// A page that holds fewer reviews than asked for but links a next page (a server or proxy that
// sends less than asked): the sync must not take it for the end of the list. Before, the public
// scan lost every older review of a backfill, and the private one moved its cursor past the rest
// (the reported reviews merged in at "the end" were newer). The fault sends the first 50 reviews
// of the real first page, with a next-page link, once.
import type { IDataObject } from 'n8n-workflow';

import type { AuthMode } from '../harness/fixtures';
import { useEmulator } from '../harness/fixtures';
import { pollerFor, reviewIds, unitById } from '../harness/reviewSync';
import { allServiceReviews, businessUnitByDomain } from './truth';

const fixture = useEmulator();

describe('Review Poll Trigger: a short page that says more follow', () => {
	it.each([
		['private', 'clientCredentials', '/private/business-units/{businessUnitId}/reviews'],
		['public', 'apiKey', '/business-units/{businessUnitId}/reviews'],
	] as Array<[string, AuthMode, string]>)(
		'%s backfill: no review is lost, none comes twice',
		async (label, mode, route) => {
			const unit = await businessUnitByDomain(fixture, 'shop.example.org');
			const truth = await allServiceReviews(fixture, unit.id);
			expect(truth.length).toBeGreaterThan(100);
			const isPublic = label === 'public';
			// Public lists are read newest first; the private one oldest first.
			const firstPage = (isPublic ? [...truth].reverse() : truth).slice(0, 50);
			const path = route.replace('{businessUnitId}', unit.id);
			await fixture.client.addFault({
				match: { route: `/v1${route}` },
				action: {
					status: 200,
					body: {
						reviews: firstPage,
						links: [
							{ href: `${fixture.handle.apiUrl}${path}?page=2`, method: 'GET', rel: 'next-page' },
						],
					},
				},
				// The private poll asks for its reported reviews first.
				skip: isPublic ? 0 : 1,
				times: 1,
			});
			const poller = await pollerFor(
				fixture,
				[unitById(unit.id)],
				{ start: 'all', simplify: false, options: { maxItemsPerPoll: 10000 } },
				mode,
			);
			const emitted: IDataObject[] = [];
			for (let poll = 0; poll < 5; poll++) {
				const outcome = await poller.poll();
				if (outcome.error) {
					// Stopping is allowed (a failed poll changes nothing); skipping is not.
					expect(outcome.error.message).toBe('Trustpilot sent a short page that says more follow');
					expect(outcome.items).toEqual([]);
					continue;
				}
				emitted.push(...outcome.items);
				if (outcome.items.length === 0) break;
			}
			const ids = reviewIds(emitted);
			expect(new Set(ids).size).toBe(ids.length);
			expect([...ids].sort()).toEqual(reviewIds(truth).sort());
		},
	);

	it('public, a quiet sync: a short page that already reaches back past the window is no error', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const poller = await pollerFor(fixture, [unitById(unit.id)], {}, 'apiKey');
		expect((await poller.poll()).error).toBeUndefined();
		const added = (await fixture.client.addReviews({ businessUnitId: unit.id, count: 2 })).reviews;
		// A server that sends 20 where 100 were asked, and links the next page.
		const newest = [...(await allServiceReviews(fixture, unit.id))].reverse().slice(0, 20);
		const path = `/business-units/${unit.id}/reviews`;
		await fixture.client.addFault({
			match: { route: '/v1/business-units/{businessUnitId}/reviews' },
			action: {
				status: 200,
				body: {
					reviews: newest,
					links: [
						{ href: `${fixture.handle.apiUrl}${path}?page=2`, method: 'GET', rel: 'next-page' },
					],
				},
			},
			times: 1,
		});
		const next = await poller.poll();
		expect(next.error).toBeUndefined();
		expect(reviewIds(next.items).sort()).toEqual(reviewIds(added).sort());
	});
});
