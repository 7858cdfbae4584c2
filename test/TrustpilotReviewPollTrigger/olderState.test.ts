// Static data written by 0.1.0, the published version, must carry on where it stopped after an
// update: no review emitted again, none skipped. 0.1.0 kept one state per business unit (also for
// public product reviews of several SKUs, read in one list) and versioned every review by time
// (`updatedAt`, else `createdAt`); this version keeps public product reviews per SKU and
// versions product reviews by a fingerprint of their content.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';
import { pollParameters, pollUntilEmpty, unitById } from '../harness/reviewSync';
import { PollRunner, POLL_NODE } from './pollRunner';

const fixture = useEmulator();

const NODE_KEY = `node:${POLL_NODE}`;

async function productPoller(businessUnitId: string, mode: AuthMode, extra: INodeParameters) {
	const credential = await trustpilotCredential(fixture, mode);
	return new PollRunner(
		fixture,
		credential,
		pollParameters([unitById(businessUnitId)], {
			reviewType: 'product',
			start: 'all',
			simplify: false,
			...extra,
		}),
	);
}

/** 0.1.0's entry for a remembered review: created and version both the creation time (base 36). */
function timeVersioned(known: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(known).map(([id, packed]) => {
			const created = packed.split('.')[0];
			return [id, `${created}.${created}`];
		}),
	);
}

function unitsOf(poller: PollRunner): Record<string, IDataObject> {
	return (poller.saved[NODE_KEY] as IDataObject).units as Record<string, IDataObject>;
}

describe('Review Poll Trigger: static data of 0.1.0', () => {
	it('private product reviews, "New and Updated": reviews remembered by time are not emitted again as updated', async () => {
		const { mainBusinessUnit } = await fixture.client.info();
		const poller = await productPoller(mainBusinessUnit.id, 'clientCredentials', {
			event: 'newAndUpdated',
			options: { maxItemsPerPoll: 10000 },
		});
		const backfill = await pollUntilEmpty(poller);
		expect(backfill.emitted.length).toBeGreaterThan(0);
		const units = unitsOf(poller);
		const state = units[mainBusinessUnit.id];
		state.known = timeVersioned(state.known as Record<string, string>);
		delete state.resume;
		poller.restart();
		const after = await poller.poll();
		expect(after.error).toBeUndefined();
		expect(after.items).toEqual([]);
		// The entries now carry this version's fingerprint: the next poll is quiet too.
		expect((await poller.poll()).items).toEqual([]);
	});

	it('public product reviews of two SKUs: the one state of the business unit carries on per SKU', async () => {
		const { mainBusinessUnit, skus } = await fixture.client.info();
		const poller = await productPoller(mainBusinessUnit.id, 'apiKey', {
			event: 'new',
			options: { skus: skus.slice(0, 2).join(', '), maxItemsPerPoll: 10000 },
		});
		const backfill = await pollUntilEmpty(poller);
		expect(backfill.emitted.length).toBeGreaterThan(0);
		// What 0.1.0 kept: one state under the business unit's id, its cursor the newest review
		// of either SKU, its memory the reviews of both.
		const units = unitsOf(poller);
		const perSku = Object.keys(units).map((key) => units[key]);
		expect(perSku).toHaveLength(2);
		const legacy: IDataObject = {
			signature: perSku[0].signature,
			cursor: Math.max(...perSku.map((state) => Number(state.cursor))),
			known: timeVersioned(
				Object.assign({}, ...perSku.map((state) => state.known)) as Record<string, string>,
			),
		};
		(poller.saved[NODE_KEY] as IDataObject).units = { [mainBusinessUnit.id]: legacy };
		poller.restart();
		const after = await poller.poll();
		expect(after.error).toBeUndefined();
		expect(after.items).toEqual([]);
		const added = await fixture.client.addProductReviews({
			businessUnitId: mainBusinessUnit.id,
			sku: skus[1],
			count: 2,
		});
		const next = await poller.poll();
		expect(next.error).toBeUndefined();
		expect(next.items.map((item) => String(item.id)).sort()).toEqual(
			added.productReviews.map((review) => String(review.id)).sort(),
		);
	});

	it('a business unit ID typed in upper case: the state 0.1.0 kept under it carries on', async () => {
		const { mainBusinessUnit } = await fixture.client.info();
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const parameters = (id: string) =>
			pollParameters([unitById(id)], {
				start: 'all',
				simplify: false,
				options: { maxItemsPerPoll: 10000 },
			});
		const poller = new PollRunner(fixture, credential, parameters(mainBusinessUnit.id));
		const backfill = await pollUntilEmpty(poller);
		expect(backfill.emitted.length).toBeGreaterThan(0);
		// 0.1.0 sent the id as typed and kept its state under that spelling.
		const typed = mainBusinessUnit.id.toUpperCase();
		const units = unitsOf(poller);
		(poller.saved[NODE_KEY] as IDataObject).units = { [typed]: units[mainBusinessUnit.id] };
		poller.restart(parameters(typed));
		const after = await poller.poll();
		expect(after.error).toBeUndefined();
		expect(after.items).toEqual([]);
		const added = (
			await fixture.client.addReviews({ businessUnitId: mainBusinessUnit.id, count: 2 })
		).reviews;
		const next = await poller.poll();
		expect(next.items.map((item) => String(item.id)).sort()).toEqual(
			added.map((review) => String(review.id)).sort(),
		);
	});
});
