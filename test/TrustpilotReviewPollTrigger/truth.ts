import type { IDataObject } from 'n8n-workflow';

import { callApi } from '../harness/emulatorClient';
import type { EmulatorFixture } from '../harness/fixtures';

/**
 * Every service review of a business unit as the emulator holds it now, oldest first, read
 * page by page from the public list (reported reviews included). Expected values in the
 * trigger tests come from here, never from the node under test.
 */
export async function allServiceReviews(
	fixture: EmulatorFixture,
	businessUnitId: string,
): Promise<IDataObject[]> {
	const { account } = await fixture.client.info();
	const reviews: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const query = new URLSearchParams({
			page: String(page),
			perPage: '100',
			orderBy: 'createdat.asc',
			includeReportedReviews: 'true',
		});
		const response = await callApi<{ reviews: IDataObject[] }>(
			`${fixture.handle.apiUrl}/business-units/${businessUnitId}/reviews?${query.toString()}`,
			{ headers: { apikey: account.apiKey } },
		);
		if (response.status !== 200)
			throw new Error(`listing reviews failed with ${response.status}: ${response.text}`);
		reviews.push(...response.json.reviews);
		if (response.json.reviews.length < 100) return reviews;
	}
}

/** The business unit seeded with the given domain. */
export async function businessUnitByDomain(fixture: EmulatorFixture, domain: string) {
	const { businessUnits } = await fixture.client.info();
	const found = businessUnits.find((unit) => unit.domain === domain);
	if (!found) throw new Error(`no seeded business unit ${domain}`);
	return found;
}

export const versionKey = (review: IDataObject): string =>
	`${String(review.id)}@${String(review.updatedAt ?? review.createdAt)}`;
