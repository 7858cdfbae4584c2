import type { IExecuteFunctions } from 'n8n-workflow';

import { trustpilotRequest } from '../../transport';
import { getReviewId } from './fields';
import { readTags } from './tags';

/**
 * Add Tags (PUT, adds) and Set Tags (POST, replaces) share a body. Replacing is idempotent,
 * so unlike other POSTs it may be retried after a server error.
 */
export async function writeTags(ctx: IExecuteFunctions, itemIndex: number, mode: 'add' | 'set') {
	const reviewId = getReviewId(ctx, itemIndex);
	const tags = readTags(ctx, itemIndex, mode === 'add');
	await trustpilotRequest(ctx, {
		method: mode === 'add' ? 'PUT' : 'POST',
		path: `/private/reviews/${reviewId}/tags`,
		access: 'private',
		businessUserHeader: true,
		body: { tags },
		idempotent: true,
		itemIndex,
	});
	return { success: true, action: mode === 'add' ? 'tagsAdded' : 'tagsSet', reviewId, tags };
}
