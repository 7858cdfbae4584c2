import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { getTrustpilotCredentials, isOAuthMode, trustpilotJson } from '../Trustpilot/transport';

const PAGE_SIZE = 50;
/** How many of the first matches are checked for being the account's own (one request each). */
const OWNERSHIP_CHECKS = 10;
const OWN_LABEL = ' · your account';

/**
 * Trustpilot has no endpoint listing an account's business units. With an access token, reading a
 * unit's private data answers 200 for the account's own units and 403 for any other company, so
 * the first matches are checked that way and the account's own units come first: picking another
 * company would only fail later (403 on invitations and private reviews).
 */
async function ownFirst(
	ctx: ILoadOptionsFunctions,
	results: INodeListSearchItems[],
): Promise<INodeListSearchItems[]> {
	if (!isOAuthMode(await getTrustpilotCredentials(ctx))) return results;
	const checked = results.slice(0, OWNERSHIP_CHECKS);
	const own = await Promise.all(
		checked.map(async (result) => {
			try {
				await trustpilotJson(ctx, {
					method: 'GET',
					path: `/private/business-units/${String(result.value)}`,
					access: 'private',
				});
				return true;
			} catch (error) {
				const status = (error as NodeApiError).httpCode;
				if (status === '403' || status === '404') return false;
				throw new NodeApiError(ctx.getNode(), error as JsonObject);
			}
		}),
	);
	const mine = checked
		.filter((_, index) => own[index])
		.map((result) => ({ ...result, name: `${result.name}${OWN_LABEL}` }));
	const others = checked.filter((_, index) => !own[index]);
	return [...mine, ...others, ...results.slice(OWNERSHIP_CHECKS)];
}

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
		const name = (unit.displayName ??
			(unit.name as IDataObject | undefined)?.identifying ??
			unit.id) as string;
		const domain = (unit.name as IDataObject | undefined)?.identifying as string | undefined;
		return {
			name: domain && domain !== name ? `${name} (${domain})` : name,
			value: String(unit.id),
			url: domain ? `https://www.trustpilot.com/review/${domain}` : undefined,
		};
	});
	return {
		results: page === 1 ? await ownFirst(this, results) : results,
		paginationToken: units.length === PAGE_SIZE ? String(page + 1) : undefined,
	};
}
