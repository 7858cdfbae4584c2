import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { trustpilotJson } from '../transport';

const PAGE_SIZE = 50;

/** Business units matching the typed text (Trustpilot's public search), page by page. */
export async function searchBusinessUnits(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = (filter ?? '').trim();
	if (query === '') return { results: [] };
	const page = paginationToken ? Number(paginationToken) : 1;
	const response = await trustpilotJson(this, {
		method: 'GET',
		path: '/business-units/search',
		// The official collection spells this parameter in lower case.
		qs: { query, page, perpage: PAGE_SIZE },
	});
	const units = (response.businessUnits as IDataObject[] | undefined) ?? [];
	const results = units.map((unit) => {
		const name = (unit.displayName ?? (unit.name as IDataObject | undefined)?.identifying ?? unit.id) as string;
		const domain = (unit.name as IDataObject | undefined)?.identifying as string | undefined;
		return {
			name: domain && domain !== name ? `${name} (${domain})` : name,
			value: String(unit.id),
			url: domain ? `https://www.trustpilot.com/review/${domain}` : undefined,
		};
	});
	return { results, paginationToken: units.length === PAGE_SIZE ? String(page + 1) : undefined };
}
