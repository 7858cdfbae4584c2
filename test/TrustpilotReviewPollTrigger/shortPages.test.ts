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

	it('public backfill where every page leaves reported reviews out after it was cut (variant public-list-filtered-after-paging): each shown review once', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const newestFirst = [...(await allServiceReviews(fixture, unit.id))].reverse();
		expect(newestFirst.length).toBeGreaterThan(120);
		// Spread over the newest-first pages the public scan reads: pages 1 and 2 come short.
		const reportedIds = [2, 60, 99, 100, 101, 118].map((index) => String(newestFirst[index].id));
		for (const id of reportedIds) await fixture.client.patchReview(id, { reported: true });
		// Under the variant the public list shows no reported review (the seed has some too).
		const shown = (await allServiceReviews(fixture, unit.id)).filter(
			(review) => review.reportData === null || review.reportData === undefined,
		);
		expect(reviewIds(shown).filter((id) => reportedIds.includes(id))).toEqual([]);
		await fixture.client.config({ variants: ['public-list-filtered-after-paging'] });
		const poller = await pollerFor(
			fixture,
			[unitById(unit.id)],
			{ start: 'all', simplify: false, options: { maxItemsPerPoll: 10000 } },
			'apiKey',
		);
		const emitted: IDataObject[] = [];
		const pageQueries: IDataObject[] = [];
		for (let poll = 0; poll < 3; poll++) {
			const outcome = await poller.poll();
			expect(outcome.error).toBeUndefined();
			emitted.push(...outcome.items);
			for (const entry of outcome.requests)
				if (entry.path === `/v1/business-units/${unit.id}/reviews`)
					pageQueries.push(entry.query as IDataObject);
			if (outcome.items.length === 0) break;
		}
		const ids = reviewIds(emitted);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(reviewIds(shown).sort());
		// The backfill went on past the short first page (97 of 100, with a next-page link).
		expect(pageQueries.filter((query) => String(query.page) !== '1').length).toBeGreaterThan(0);
	});
});
