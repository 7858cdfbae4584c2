import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS, listRequest } from '../shared/endpoints';
import type { ListRequest } from '../Trustpilot/transport/pagination';
import { contentVersion, updatedAtVersion, type VersionOf } from './cursor';

export type ReviewType = 'service' | 'product';

/**
 * How a review list can be followed:
 * - `ascending`: oldest first with a `startDateTime` filter (private service reviews) — a poll
 *   starts right at its cursor, and a backlog drains page by page.
 * - `descending`: newest first without a date filter (public service reviews, product reviews) —
 *   a poll reads from the newest review down to its cursor.
 */
export type ListOrder = 'ascending' | 'descending';

export interface ReviewSource {
	request: ListRequest;
	order: ListOrder;
	/** The same list, newest first, for a manual test run's sample. */
	sampleRequest: ListRequest;
	/** How a review's version is read (updatedAt, or a fingerprint for product reviews). */
	versionOf: VersionOf;
	/**
	 * Private service reviews: the same list restricted to reported reviews. Lists hide reported
	 * reviews unless asked, and a server that ignores `includeReportedReviews` would hide them
	 * for good; asking with `reported=true` as well finds them under either behaviour.
	 */
	reportedRequest?: ListRequest;
	/** The SKU this source reads (public product reviews are read one SKU at a time). */
	sku?: string;
}

export interface SourceOptions {
	reviewType: ReviewType;
	isPrivate: boolean;
	businessUnitId: string;
	skus: string[];
}

export function reviewSource({
	reviewType,
	isPrivate,
	businessUnitId,
	skus,
}: SourceOptions): ReviewSource {
	const parameters = { businessUnitId };
	if (reviewType === 'service') {
		const request = listRequest(
			isPrivate ? ENDPOINTS.privateServiceReviews : ENDPOINTS.serviceReviews,
			{
				parameters,
				// A sync wants every review: reported ones are hidden from lists unless asked for.
				qs: {
					orderBy: isPrivate ? 'createdat.asc' : 'createdat.desc',
					includeReportedReviews: true,
				},
			},
		);
		return {
			request,
			order: isPrivate ? 'ascending' : 'descending',
			sampleRequest: {
				...request,
				qs: { orderBy: 'createdat.desc', includeReportedReviews: true },
			},
			versionOf: updatedAtVersion,
			reportedRequest: isPrivate
				? { ...request, qs: { orderBy: 'createdat.asc', reported: true } }
				: undefined,
		};
	}
	// Product review lists have neither a date filter nor an order parameter; Trustpilot lists
	// them newest first (UNSURE: not documented, see the README).
	const qs: IDataObject = {};
	if (skus.length) qs.sku = skus.join(',');
	const request = listRequest(
		isPrivate ? ENDPOINTS.privateProductReviews : ENDPOINTS.productReviews,
		{ parameters, qs },
	);
	return {
		request,
		order: 'descending',
		sampleRequest: request,
		versionOf: contentVersion,
		sku: skus.length === 1 ? skus[0] : undefined,
	};
}

/**
 * The lists one business unit is read from, each with the key its cursor is stored under.
 * Public product reviews do not name their product, so they are read one SKU at a time (each
 * with its own cursor) and every review is labelled with the SKU it was listed under.
 */
export function reviewSources(
	options: SourceOptions,
): Array<{ key: string; source: ReviewSource }> {
	const { reviewType, isPrivate, businessUnitId, skus } = options;
	if (reviewType === 'product' && !isPrivate && skus.length > 0) {
		return [...new Set(skus)].map((sku) => ({
			key: `${businessUnitId}#${sku}`,
			source: reviewSource({ ...options, skus: [sku] }),
		}));
	}
	return [{ key: businessUnitId, source: reviewSource(options) }];
}
