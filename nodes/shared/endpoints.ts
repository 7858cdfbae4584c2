import type { IDataObject } from 'n8n-workflow';

import type { TrustpilotHost, TrustpilotRequest } from '../Trustpilot/transport';
import type { ListRequest, PaginationStyle } from '../Trustpilot/transport/pagination';

/**
 * The endpoint catalogue: every list Trustpilot answers that a node reads, described once. The
 * action node's list operations and the Review Poll Trigger both build their requests from here;
 * the transport's paginator (`trustpilotList`, `iteratePages`, `iterateOverlapping`) takes what
 * `listRequest` builds. Facts: emulator/README.md, "Provenance of every route".
 */
interface EndpointFacts {
	/** Below the host's `/v1` base; `{name}` stands for a path parameter. */
	path: string;
	host: TrustpilotHost;
	/** `public`: the API key is enough; `private`: an OAuth access token is needed. */
	access: 'public' | 'private';
	/** Key of the array in the response. */
	itemsKey: string;
}

/** A list read page by page through the transport's paginator. */
export interface PagedEndpoint extends EndpointFacts {
	style: PaginationStyle;
	/** The largest page Trustpilot serves (Return All asks for pages this big). */
	maxPageSize: number;
	pageSizeParam?: string;
	totalKey?: string;
}

/** A list that arrives whole in one answer. */
export interface SinglePageEndpoint extends EndpointFacts {
	style: 'none';
	/** The most items one answer holds, where a `count` parameter asks for fewer. */
	maxCount?: number;
}

export type ListEndpoint = PagedEndpoint | SinglePageEndpoint;

function paged(facts: PagedEndpoint): PagedEndpoint {
	return facts;
}

// Generic so that an entry's own facts (e.g. maxCount) keep their types where the entry is used.
function singlePage<Facts extends Omit<SinglePageEndpoint, 'style'>>(
	facts: Facts,
): Facts & { style: 'none' } {
	return { ...facts, style: 'none' };
}

export const ENDPOINTS = {
	// perPage 1–1000; a top-level `cursor` continues, null or missing at the end.
	allBusinessUnits: paged({
		path: '/business-units/all',
		host: 'api',
		access: 'public',
		itemsKey: 'businessUnits',
		style: 'cursor',
		maxPageSize: 1000,
	}),
	businessUnitSearch: paged({
		path: '/business-units/search',
		host: 'api',
		access: 'public',
		itemsKey: 'businessUnits',
		style: 'page',
		maxPageSize: 100,
		// Trustpilot's search spells the page size in lower case.
		pageSizeParam: 'perpage',
	}),
	businessUnitCategories: singlePage({
		path: '/business-units/{businessUnitId}/categories',
		host: 'api',
		access: 'public',
		itemsKey: 'categories',
	}),
	serviceReviews: paged({
		path: '/business-units/{businessUnitId}/reviews',
		host: 'api',
		access: 'public',
		itemsKey: 'reviews',
		style: 'links',
		maxPageSize: 100,
	}),
	privateServiceReviews: paged({
		path: '/private/business-units/{businessUnitId}/reviews',
		host: 'api',
		access: 'private',
		itemsKey: 'reviews',
		style: 'links',
		maxPageSize: 100,
	}),
	// One page only; `count` asks for at most 100.
	latestReviews: singlePage({
		path: '/reviews/latest',
		host: 'api',
		access: 'public',
		itemsKey: 'reviews',
		maxCount: 100,
	}),
	reviewTags: singlePage({
		path: '/private/reviews/{reviewId}/tags',
		host: 'api',
		access: 'private',
		itemsKey: 'tags',
	}),
	productReviews: paged({
		path: '/product-reviews/business-units/{businessUnitId}/reviews',
		host: 'api',
		access: 'public',
		itemsKey: 'productReviews',
		style: 'links',
		maxPageSize: 100,
	}),
	privateProductReviews: paged({
		path: '/private/product-reviews/business-units/{businessUnitId}/reviews',
		host: 'api',
		access: 'private',
		itemsKey: 'productReviews',
		style: 'links',
		maxPageSize: 100,
	}),
	importedProductReviews: paged({
		path: '/product-reviews/business-units/{businessUnitId}/imported-reviews',
		host: 'api',
		access: 'public',
		itemsKey: 'productReviews',
		style: 'links',
		maxPageSize: 100,
	}),
	productReviewSummaries: paged({
		path: '/private/product-reviews/business-units/{businessUnitId}/summaries',
		host: 'api',
		access: 'private',
		itemsKey: 'summaries',
		style: 'links',
		maxPageSize: 1000,
	}),
	// The catalogue answers `isLastPage` instead of page links; Trustpilot's default page size
	// (10,000) brings most catalogues in one request.
	products: paged({
		path: '/private/business-units/{businessUnitId}/products',
		host: 'api',
		access: 'private',
		itemsKey: 'products',
		style: 'page',
		maxPageSize: 10000,
	}),
	invitationTemplates: singlePage({
		path: '/private/business-units/{businessUnitId}/templates',
		host: 'invitations',
		access: 'private',
		itemsKey: 'templates',
	}),
	consumerReviews: paged({
		path: '/consumers/{consumerId}/reviews',
		host: 'api',
		access: 'public',
		itemsKey: 'reviews',
		style: 'links',
		maxPageSize: 100,
	}),
	categories: singlePage({
		path: '/categories',
		host: 'api',
		access: 'public',
		itemsKey: 'categories',
	}),
	// `{totalNumberOfBusinesses, businessUnits}` without links: page numbers up to the total.
	categoryBusinessUnits: paged({
		path: '/categories/{categoryId}/business-units',
		host: 'api',
		access: 'public',
		itemsKey: 'businessUnits',
		style: 'page',
		maxPageSize: 100,
		totalKey: 'totalNumberOfBusinesses',
	}),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

/** The path of an endpoint with its parameters filled in (each one URL-encoded). */
export function endpointPath(endpoint: ListEndpoint, parameters: Record<string, string> = {}) {
	return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = parameters[name];
		// A missing parameter is a mistake in the node, never in the user's input.
		if (value === undefined) throw new Error(`No value for {${name}} of ${endpoint.path}`);
		return encodeURIComponent(value);
	});
}

interface RequestParts {
	parameters?: Record<string, string>;
	qs?: IDataObject;
	itemIndex?: number;
}

/** What the transport's paginator takes for a paged endpoint. */
export function listRequest(
	endpoint: PagedEndpoint,
	{ parameters, qs, itemIndex }: RequestParts = {},
): ListRequest {
	const request: ListRequest = {
		method: 'GET',
		path: endpointPath(endpoint, parameters),
		host: endpoint.host,
		access: endpoint.access,
		itemsKey: endpoint.itemsKey,
		style: endpoint.style,
		maxPageSize: endpoint.maxPageSize,
	};
	if (endpoint.pageSizeParam !== undefined) request.pageSizeParam = endpoint.pageSizeParam;
	if (endpoint.totalKey !== undefined) request.totalKey = endpoint.totalKey;
	if (qs !== undefined) request.qs = qs;
	if (itemIndex !== undefined) request.itemIndex = itemIndex;
	return request;
}

/** The one request of a single-page list (read with `trustpilotJson`, then `listItems`). */
export function singlePageRequest(
	endpoint: SinglePageEndpoint,
	{ parameters, qs, itemIndex }: RequestParts = {},
): TrustpilotRequest {
	const request: TrustpilotRequest = {
		method: 'GET',
		path: endpointPath(endpoint, parameters),
		host: endpoint.host,
		access: endpoint.access,
	};
	if (qs !== undefined) request.qs = qs;
	if (itemIndex !== undefined) request.itemIndex = itemIndex;
	return request;
}

/**
 * The entries of a single-page list answer, one item each (n8n's convention). A bare JSON array
 * arrives wrapped as `items` by the transport, so it is read as well.
 */
export function listItems(endpoint: SinglePageEndpoint, response: IDataObject): IDataObject[] {
	const list = response[endpoint.itemsKey] ?? response.items;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}
