import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { trustpilotJson, type TrustpilotContext, type TrustpilotRequest } from './index';

/**
 * How a Trustpilot list continues: `links` (a `next-page` entry in `links[]`), `cursor`
 * (`/business-units/all`), `pageToken` (`/all-reviews`), or plain `page` numbers until a short page.
 */
export type PaginationStyle = 'links' | 'cursor' | 'pageToken' | 'page';

export interface ListRequest extends TrustpilotRequest {
	/** Key of the array in the response, e.g. `reviews`. */
	itemsKey: string;
	style: PaginationStyle;
	/** The endpoint's maximum page size: used for Return All, so N items cost ⌈N/max⌉ requests. */
	maxPageSize: number;
	/** Trustpilot's search endpoint spells it `perpage`. */
	pageSizeParam?: string;
	/** A field with the list's total (e.g. `totalNumberOfBusinesses`): paging stops once reached. */
	totalKey?: string;
}

export interface Page {
	items: IDataObject[];
	response: IDataObject;
	/** The query that fetched this page (lets a caller resume exactly here). */
	query: IDataObject;
}

function nextPageQuery(response: IDataObject, current: IDataObject): IDataObject | undefined {
	const links = Array.isArray(response.links) ? (response.links as IDataObject[]) : [];
	const next = links.find((link) => link.rel === 'next-page' && (link.method ?? 'GET') === 'GET');
	if (!next?.href) return undefined;
	// Follow the query of the link but keep our own host and auth: the API returns links to its
	// public hostname, which may not be the base URL configured in the credential.
	const url = new URL(String(next.href), 'http://placeholder.invalid');
	// Start from our own query: a link that names only the page must not drop the filters.
	const query: IDataObject = { ...current };
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key);
		query[key] = values.length > 1 ? values.join(',') : values[0];
	}
	delete query.apikey;
	return query;
}

function continuation(style: PaginationStyle, response: IDataObject, page: Page, pageSize: number) {
	// Next-page links are confirmed only on review lists: a list without any `links` falls back to
	// page numbers, so Return All never stops silently after page 1.
	if (style === 'links' && Array.isArray(response.links))
		return nextPageQuery(response, page.query);
	if (style === 'cursor') {
		const cursor = response.cursor ?? response.nextCursor;
		return cursor ? { ...page.query, cursor } : undefined;
	}
	if (style === 'pageToken') {
		return response.nextPageToken
			? { ...page.query, pageToken: response.nextPageToken }
			: undefined;
	}
	if (page.items.length < pageSize || response.isLastPage === true) return undefined;
	return { ...page.query, page: Number(page.query.page ?? 1) + 1 };
}

/** Yields one page at a time, so callers can stop early (Limit) or bound memory (polling). */
export async function* iteratePages(
	ctx: TrustpilotContext,
	request: ListRequest,
	pageSize: number = request.maxPageSize,
): AsyncGenerator<Page> {
	const sizeParam = request.pageSizeParam ?? 'perPage';
	let query: IDataObject | undefined = { ...(request.qs ?? {}), [sizeParam]: pageSize };
	if (request.style === 'page' || request.style === 'links') query.page = query.page ?? 1;
	const seen = new Set<string>();
	let read = 0;
	while (query) {
		const fingerprint = JSON.stringify(query);
		if (seen.has(fingerprint)) {
			// A list that points back to a page already read would otherwise loop forever.
			throw new NodeOperationError(ctx.getNode(), 'Trustpilot returned a repeated page link', {
				itemIndex: request.itemIndex ?? 0,
				description: `The list ${request.path} pointed back to a page already read; stopped instead of returning a partial or duplicated list.`,
			});
		}
		seen.add(fingerprint);
		const response = await trustpilotJson(ctx, { ...request, qs: query });
		const raw = response[request.itemsKey];
		if (raw !== null && !Array.isArray(raw)) {
			// A 200 without the list (e.g. an empty body from a proxy) must not end the list quietly.
			throw new NodeOperationError(
				ctx.getNode(),
				`Trustpilot sent a page without the "${request.itemsKey}" list`,
				{
					itemIndex: request.itemIndex ?? 0,
					description: `A page of ${request.path} came back without its list; stopped instead of returning a partial list. Run it again.`,
				},
			);
		}
		const items = Array.isArray(raw) ? (raw as IDataObject[]) : [];
		const page: Page = { items, response, query };
		yield page;
		if (items.length === 0) return;
		read += items.length;
		const total = request.totalKey === undefined ? undefined : response[request.totalKey];
		if (typeof total === 'number' && read >= total) return;
		query = continuation(request.style, response, page, pageSize);
	}
}

/** Every item of a list (limit undefined) or the first `limit` items, with the fewest requests. */
export async function trustpilotList(
	ctx: TrustpilotContext,
	request: ListRequest,
	limit?: number,
): Promise<IDataObject[]> {
	const pageSize = limit === undefined ? request.maxPageSize : Math.min(request.maxPageSize, limit);
	const results: IDataObject[] = [];
	for await (const page of iteratePages(ctx, request, pageSize)) {
		results.push(...page.items);
		if (limit !== undefined && results.length >= limit) return results.slice(0, limit);
	}
	return results;
}
