// Lists under the undocumented pagination behaviours: next-page links that repeat the request's
// filters (default) or name the page only (variant links-without-filters).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { callApi, type EmulatorInfo } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { activeVariants } from '../harness/variants';

const fixture = useEmulator();
let info: EmulatorInfo;

beforeEach(async () => {
	info = await fixture.client.info();
});

async function runServiceReviews(parameters: INodeParameters) {
	const credential = await trustpilotCredential(fixture, 'apiKey');
	await fixture.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource: 'serviceReview', operation: 'getAll', ...parameters },
			credentials: credential.credentials,
		},
		[{}],
		credential.store,
	);
	return { result, requests: await fixture.client.requests() };
}

/** Public one-star reviews of the main unit, read page by page with explicit filters. */
async function truth(): Promise<IDataObject[]> {
	const reviews: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const response = await callApi<{ reviews: IDataObject[] }>(
			`${fixture.handle.apiUrl}/business-units/${info.mainBusinessUnit.id}/reviews?stars=1&language=en&perPage=100&page=${page}`,
			{ headers: { apikey: info.account.apiKey } },
		);
		reviews.push(...response.json.reviews);
		if (response.json.reviews.length < 100) return reviews;
	}
}

describe(`pagination (variants: ${activeVariants().join(', ') || 'default'})`, () => {
	it('keeps its own filters on every page, whatever the next-page link repeats', async () => {
		const expected = await truth();
		expect(expected.length).toBeGreaterThan(100);
		const done = await runServiceReviews({
			businessUnit: { __rl: true, mode: 'id', value: info.mainBusinessUnit.id },
			source: 'public',
			returnAll: true,
			simplify: false,
			filters: { stars: [1], language: 'en' },
		});
		expect(done.result.error ?? done.result.nodeError('Trustpilot')).toBeUndefined();
		expect(done.requests.length).toBe(Math.ceil(expected.length / 100));
		for (const request of done.requests)
			expect(request.query).toMatchObject({ stars: '1', language: 'en' });
		const items = done.result.output.map((item) => item.json);
		expect(items.map((item) => item.id)).toEqual(expected.map((review) => review.id));
		expect(items.every((item) => item.stars === 1 && item.language === 'en')).toBe(true);
	});
});
