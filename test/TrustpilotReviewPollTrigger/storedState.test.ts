// Static data the Review Poll Trigger finds at the start of a poll is not always what this
// version wrote: an older version's, or damaged (edited by hand, cut off, a bad import).
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../harness/fixtures';
import { pollerFor, pollUntilEmpty, reviewIds, unitById } from '../harness/reviewSync';
import { POLL_NODE } from './pollRunner';
import { allServiceReviews, businessUnitByDomain } from './truth';

const fixture = useEmulator();

const NODE_KEY = `node:${POLL_NODE}`;

describe('Review Poll Trigger: damaged stored state', () => {
	// A cursor or position that cannot be read used to fail every poll ("Invalid time value", or
	// HTTP 400 for page=x) until the settings were changed.
	it.each([
		['cursor is text', { cursor: 'yesterday' }, true],
		['cursor is an object', { cursor: {} }, true],
		['known is not an object', { known: 'x' }, false],
		['known is null', { known: null }, false],
		['resume is garbage', { resume: { page: 'x', startDateTime: 42, lastId: null } }, true],
		['resume is text', { resume: 'x' }, true],
	] as Array<[string, IDataObject, boolean]>)(
		'%s: the poll does not fail for good',
		async (_label, damage, onceEach) => {
			const unit = await businessUnitByDomain(fixture, 'example.de');
			const poller = await pollerFor(fixture, [unitById(unit.id)], {
				start: 'all',
				simplify: false,
				options: { maxItemsPerPoll: 20 },
			});
			const first = await poller.poll();
			expect(first.error).toBeUndefined();
			const state = poller.saved[NODE_KEY] as IDataObject;
			const units = state.units as Record<string, IDataObject>;
			Object.assign(units[unit.id], damage);
			poller.restart();
			const { emitted } = await pollUntilEmpty(poller);
			const all = reviewIds([...first.items, ...emitted] as IDataObject[]);
			// Only what the state still remembers can keep a review from coming twice.
			if (onceEach) expect(new Set(all).size).toBe(all.length);
			expect([...new Set(all)].sort()).toEqual(
				reviewIds(await allServiceReviews(fixture, unit.id)).sort(),
			);
		},
	);
});
