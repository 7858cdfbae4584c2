import type { IDataObject } from 'n8n-workflow';

import { callApi, requestToken } from '../../harness/emulatorClient';
import type { EmulatorFixture } from '../../harness/fixtures';

/**
 * Complete lists read straight from the emulator with plain HTTP (no node code), in the order the
 * API serves them: what a Return All must reproduce exactly.
 */
export async function listTruth(
	fixture: EmulatorFixture,
	path: string,
	itemsKey: string,
	options: {
		query?: Record<string, string>;
		bearer?: boolean;
		cursor?: boolean;
		perPage?: number;
	} = {},
): Promise<IDataObject[]> {
	const { account } = await fixture.client.info();
	const headers: Record<string, string> = { apikey: account.apiKey };
	if (options.bearer) {
		const token = await requestToken(
			fixture.handle.apiUrl,
			{ grant_type: 'client_credentials' },
			account,
		);
		headers.authorization = `Bearer ${token.json.access_token}`;
	}
	const perPage = String(options.perPage ?? 100);
	const items: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 1; page < 10000; page++) {
		const query = new URLSearchParams({ ...(options.query ?? {}), perPage });
		if (options.cursor) {
			if (cursor) query.set('cursor', cursor);
		} else query.set('page', String(page));
		const response = await callApi<IDataObject>(
			`${fixture.handle.apiUrl}${path}?${query.toString()}`,
			{ headers },
		);
		if (response.status !== 200)
			throw new Error(`truth ${path} page ${page}: ${response.status} ${response.text}`);
		const batch = (response.json[itemsKey] as IDataObject[]) ?? [];
		items.push(...batch);
		if (options.cursor) {
			cursor = response.json.cursor ? String(response.json.cursor) : undefined;
			if (!cursor) return items;
		} else if (batch.length < Number(perPage)) return items;
	}
	throw new Error(`truth ${path}: more than 10,000 pages`);
}
