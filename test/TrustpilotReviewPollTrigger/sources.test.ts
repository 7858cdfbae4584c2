import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { PollRunner } from './pollRunner';

// Issue 11 item 1: public product reviews carry no product and no `updatedAt` (a real response
// recorded in braze-inc/braze-docs). The poll must label each review with the SKU it listed and
// must not need `updatedAt` to tell new reviews from ones it already emitted.
const fixture = useEmulator();

async function publicProductPoller(businessUnitId: string, skus: string[], event: string) {
	const credential = await trustpilotCredential(fixture, 'apiKey');
	return new PollRunner(fixture, credential, {
		reviewType: 'product',
		businessUnits: { unit: [{ businessUnit: { __rl: true, mode: 'id', value: businessUnitId } }] },
		event,
		start: 'now',
		simplify: false,
		options: { skus: skus.join(', ') },
	} as INodeParameters);
}

describe('Review Poll Trigger: public product reviews (API key, no updatedAt)', () => {
	it('emits each new review once, labelled with its SKU, under "New" and "New and Updated"', async () => {
		const { mainBusinessUnit, skus } = await fixture.client.info();
		const [first, second] = skus;
		for (const event of ['new', 'newAndUpdated']) {
			const poller = await publicProductPoller(mainBusinessUnit.id, [first, second], event);
			expect((await poller.poll()).items).toEqual([]);

			const addedFirst = (
				await fixture.client.addProductReviews({
					businessUnitId: mainBusinessUnit.id,
					sku: first,
					count: 2,
				})
			).productReviews;
			const addedSecond = (
				await fixture.client.addProductReviews({
					businessUnitId: mainBusinessUnit.id,
					sku: second,
					count: 1,
				})
			).productReviews;

			const next = await poller.poll();
			expect(next.error).toBeUndefined();
			const skuById = new Map(next.items.map((item) => [String(item.id), item.sku]));
			expect(skuById.size).toBe(3);
			for (const review of addedFirst) expect(skuById.get(String(review.id))).toBe(first);
			for (const review of addedSecond) expect(skuById.get(String(review.id))).toBe(second);
			// What Trustpilot sends for these reviews has no updatedAt and no product.
			for (const item of next.items as IDataObject[]) {
				expect(item.updatedAt).toBeUndefined();
				expect(item.product).toBeUndefined();
			}
			// Only the public, API-key list was asked, once per SKU.
			expect(next.requests.map((request) => request.query.sku).sort()).toEqual(
				[first, second].sort(),
			);
			for (const request of next.requests)
				expect(request.path).toBe(
					`/v1/product-reviews/business-units/${mainBusinessUnit.id}/reviews`,
				);

			const quiet = await poller.poll();
			expect(quiet.items).toEqual([]);
		}
	});
});
