import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listRequest, type PagedEndpoint } from '../../shared/endpoints';
import { trustpilotList } from '../transport/pagination';
import { readListLimit } from './businessUnit';

/**
 * A list operation's request: the catalogue entry's list, as much of it as the item's Return
 * All / Limit asks for, read by the transport's paginator with the fewest requests.
 */
export async function fetchList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	endpoint: PagedEndpoint,
	parts: { parameters?: Record<string, string>; qs?: IDataObject } = {},
): Promise<IDataObject[]> {
	const limit = readListLimit(ctx, itemIndex);
	return await trustpilotList(ctx, listRequest(endpoint, { ...parts, itemIndex }), limit);
}
