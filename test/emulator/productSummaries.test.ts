import { useEmulator } from '../harness/fixtures';
import { callApi, requestToken } from '../harness/emulatorClient';

// Issue 11 item 7: the private product summaries list defaults to perPage 1000 (the 2017 official
// client's docs), so a unit with more than 100 reviewed SKUs comes back in one page.
const env = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });

interface SummariesPage {
	summaries: Array<{ sku: string }>;
	links: Array<{ rel: string; href: string }>;
}

it('private product summaries: no perPage means up to 1000 SKUs in one page', async () => {
	const businessUnitId = env.info.mainBusinessUnit.id;
	const extraSkus = Array.from(
		{ length: 120 },
		(_, index) => `SUMMARY-${String(index).padStart(3, '0')}`,
	);
	for (const sku of extraSkus)
		await env.client.addProductReviews({ businessUnitId, sku, count: 1, state: 'published' });

	const token = await requestToken(
		env.handle.apiUrl,
		{ grant_type: 'client_credentials' },
		env.info.account,
	);
	const headers = {
		apikey: env.info.account.apiKey,
		authorization: `Bearer ${token.json.access_token}`,
	};
	const url = `${env.handle.apiUrl}/private/product-reviews/business-units/${businessUnitId}/summaries`;

	const all = await callApi<SummariesPage>(url, { headers });
	expect(all.status).toBe(200);
	const skus = all.json.summaries.map((summary) => summary.sku);
	expect(skus.length).toBeGreaterThan(120);
	for (const sku of extraSkus) expect(skus).toContain(sku);
	expect(all.json.links.map((link) => link.rel)).toEqual(['self']);

	// An explicit perPage still pages.
	const small = await callApi<SummariesPage>(`${url}?perPage=100`, { headers });
	expect(small.json.summaries).toHaveLength(100);
	expect(small.json.links.map((link) => link.rel)).toContain('next-page');
});
