import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listRequest, type PagedEndpoint } from '../../shared/endpoints';
import { trustpilotList } from '../transport/pagination';
import { readListLimit } from './businessUnit';

/** The path parameters of a list, or how to get them (e.g. a "By Domain" business-unit lookup). */
export type ListParameters = Record<string, string> | (() => Promise<Record<string, string>>);

/**
 * A list operation's request: the catalogue entry's list, as much of it as the item's Return
 * All / Limit asks for, read by the transport's paginator with the fewest requests. Return All /
 * Limit are checked first, then `parameters` is resolved: given as a function (a business unit
 * looked up by domain), a bad Limit sends nothing, not even the lookup.
 */
export async function fetchList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	endpoint: PagedEndpoint,
	parts: { parameters?: ListParameters; qs?: IDataObject } = {},
): Promise<IDataObject[]> {
	const limit = readListLimit(ctx, itemIndex);
	const parameters =
		typeof parts.parameters === 'function' ? await parts.parameters() : parts.parameters;
	return await trustpilotList(
		ctx,
		listRequest(endpoint, { parameters, qs: parts.qs, itemIndex }),
		limit,
	);
}
