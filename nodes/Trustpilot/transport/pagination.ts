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

function listError(
	ctx: TrustpilotContext,
	request: ListRequest,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex: request.itemIndex ?? 0,
		description,
	});
}

/** The error for a page shorter than asked for that still says more follow. */
export function shortPageError(ctx: TrustpilotContext, request: ListRequest): NodeOperationError {
	return listError(
		ctx,
		request,
		'Trustpilot sent a short page that says more follow',
		`A page of ${request.path} held fewer entries than asked for but pointed to a next page; stopped instead of skipping entries. Run it again later.`,
	);
}

/** Whether the page itself says that more follow (a link, a cursor, a token, `isLastPage: false`). */
function saysMoreFollow(style: PaginationStyle, response: IDataObject): boolean {
	if (style === 'cursor') return Boolean(response.cursor ?? response.nextCursor);
	if (style === 'pageToken') return Boolean(response.nextPageToken);
	if (response.isLastPage === false) return true;
	const links = Array.isArray(response.links) ? (response.links as IDataObject[]) : [];
	return links.some((link) => link.rel === 'next-page');
}

function fingerprintOf(items: IDataObject[]): string {
	const ids = items.map((item) => item.id);
	const allHaveIds = ids.every((id) => typeof id === 'string' || typeof id === 'number');
	return allHaveIds ? ids.join(',') : JSON.stringify(items);
}

/**
 * Remembers what a pager has read, so a list that repeats itself stops with an error instead of
 * returning duplicates or looping: the same query twice (a link pointing back, a cursor that does
 * not move) or the same page content under another query (a server or proxy that ignores the
 * page, cursor or token parameter).
 */
export class RepeatedPageGuard {
	private readonly queries = new Set<string>();

	private readonly contents = new Set<string>();

	constructor(
		private readonly ctx: TrustpilotContext,
		private readonly request: ListRequest,
	) {}

	beforeRequest(query: IDataObject): void {
		const fingerprint = JSON.stringify(query);
		if (this.queries.has(fingerprint)) {
			throw listError(
				this.ctx,
				this.request,
				'Trustpilot returned a repeated page link',
				`The list ${this.request.path} pointed back to a page already read; stopped instead of returning a partial or duplicated list.`,
			);
		}
		this.queries.add(fingerprint);
	}

	afterResponse(items: IDataObject[]): void {
		if (items.length === 0) return;
		const fingerprint = fingerprintOf(items);
		if (this.contents.has(fingerprint)) {
			throw listError(
				this.ctx,
				this.request,
				'Trustpilot returned the same page twice',
				`A later page of ${this.request.path} held exactly the items of an earlier one (the page parameter seems to be ignored, e.g. by a proxy); stopped instead of returning duplicates or looping.`,
			);
		}
		this.contents.add(fingerprint);
	}
}

/**
 * Reads one page: the one place that decides what a page means. A page without its list is an
 * error; an empty page that says more follow is asked for once more (a glitch upstream), and if
 * it stays empty the run fails clearly, because ending there would return a partial list and
 * would move a poll's cursor past reviews it never saw.
 */
export async function fetchPage(
	ctx: TrustpilotContext,
	request: ListRequest,
	query: IDataObject,
	guard: RepeatedPageGuard,
): Promise<Page> {
	guard.beforeRequest(query);
	for (let attempt = 0; ; attempt++) {
		const response = await trustpilotJson(ctx, { ...request, qs: query });
		const raw = response[request.itemsKey];
		if (raw !== null && !Array.isArray(raw)) {
			// A 200 without the list (e.g. an empty body from a proxy) must not end the list quietly.
			throw listError(
				ctx,
				request,
				`Trustpilot sent a page without the "${request.itemsKey}" list`,
				`A page of ${request.path} came back without its list; stopped instead of returning a partial list. Run it again.`,
			);
		}
		const items = Array.isArray(raw) ? (raw as IDataObject[]) : [];
		if (items.length === 0 && saysMoreFollow(request.style, response)) {
			if (attempt < EMPTY_PAGE_RETRIES) continue;
			throw listError(
				ctx,
				request,
				'Trustpilot sent an empty page that says more follow',
				`A page of ${request.path} had no "${request.itemsKey}" but pointed to a next page, also when asked again; stopped instead of returning a partial list. Run it again later.`,
			);
		}
		guard.afterResponse(items);
		return { items, response, query };
	}
}

/** How often an empty page that says more follow is asked for again before the run fails. */
export const EMPTY_PAGE_RETRIES = 1;

/** Yields one page at a time, so callers can stop early (Limit) or bound memory (polling). */
export async function* iteratePages(
	ctx: TrustpilotContext,
	request: ListRequest,
	pageSize: number = request.maxPageSize,
): AsyncGenerator<Page> {
	const sizeParam = request.pageSizeParam ?? 'perPage';
	let query: IDataObject | undefined = { ...(request.qs ?? {}), [sizeParam]: pageSize };
	if (request.style === 'page' || request.style === 'links') query.page = query.page ?? 1;
	const guard = new RepeatedPageGuard(ctx, request);
	let read = 0;
	while (query) {
		const page = await fetchPage(ctx, request, query, guard);
		yield page;
		if (page.items.length === 0) return;
		read += page.items.length;
		// Lists that only state their total (category business units, no links) end there.
		const total = request.totalKey === undefined ? undefined : page.response[request.totalKey];
		if (typeof total === 'number' && read >= total) return;
		query = continuation(request.style, page.response, page, pageSize);
	}
}

/** Reviews re-read at each page boundary of a position-based scan (see `iterateOverlapping`). */
export const PAGE_OVERLAP = 5;

/** A slice of a list addressed by page number and size; `start` is its first item's index. */
interface PageWindow {
	page: number;
	size: number;
	start: number;
}

/**
 * The page (number and size) that starts at least `overlap` items before `end` and reaches
 * furthest. Page numbers address fixed-size slices, so the size is chosen per request.
 */
export function overlappingWindow(
	end: number,
	overlap: number,
	maxPageSize: number,
	beyond: number = end,
): PageWindow | undefined {
	const target = Math.max(0, end - overlap);
	let best: PageWindow = { page: 1, size: maxPageSize, start: 0 };
	for (let size = maxPageSize; size >= Math.ceil(maxPageSize / 2); size--) {
		const index = Math.floor(target / size);
		const start = index * size;
		if (start + size > best.start + best.size) best = { page: index + 1, size, start };
	}
	// A window that ends where the last one did would read nothing new (or repeat its query).
	return best.start + best.size > beyond ? best : undefined;
}

/**
 * A newest-first list read by position (page numbers) while it may change. Each page starts
 * `overlap` items before the end of the previous one, so when reviews above are deleted between
 * two requests (every later review moves up) the review that moved across the boundary is still
 * read; items read twice are recognised by id by the caller. If none of the previous page's last
 * reviews is found again, more changed than the overlap covers: the scan fails clearly instead
 * of skipping reviews (a poll then simply reads again next time).
 */
export async function* iterateOverlapping(
	ctx: TrustpilotContext,
	request: ListRequest,
	overlap: number = PAGE_OVERLAP,
): AsyncGenerator<Page & { isLast: boolean }> {
	const sizeParam = request.pageSizeParam ?? 'perPage';
	const guard = new RepeatedPageGuard(ctx, request);
	let window: PageWindow | undefined = { page: 1, size: request.maxPageSize, start: 0 };
	let tail: string[] = [];
	for (;;) {
		const query = { ...(request.qs ?? {}), page: window.page, [sizeParam]: window.size };
		const page = await fetchPage(ctx, request, query, guard);
		if (tail.length > 0) {
			const ids = new Set(page.items.map((item) => String(item.id)));
			if (!tail.some((id) => ids.has(id))) {
				throw listError(
					ctx,
					request,
					'The list changed too much while it was read',
					`More than ${overlap - 1} entries of ${request.path} disappeared between two pages, so some could have been skipped; stopped instead. Run it again.`,
				);
			}
		}
		const short = page.items.length < window.size;
		const isLast = short && !saysMoreFollow(request.style, page.response);
		yield { ...page, isLast };
		if (isLast) return;
		// A short page that says more follow (a server that leaves entries out after cutting its
		// pages, or sends fewer than asked) is not the end. The next window is placed by what was
		// read, so it starts at or before where the server's next entries are, and must reach past
		// this one; the overlap check above proves it joins on. Where no such window exists (a page
		// far shorter than asked), the caller stops clearly instead (a poll reads again next time).
		const previous: PageWindow = window;
		window = overlappingWindow(
			previous.start + page.items.length,
			overlap,
			request.maxPageSize,
			previous.start + previous.size,
		);
		if (window === undefined) throw shortPageError(ctx, request);
		tail = page.items.slice(-overlap).map((item) => String(item.id));
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
