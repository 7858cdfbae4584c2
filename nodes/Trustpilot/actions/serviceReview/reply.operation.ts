import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId, requireTextParameter } from '../../../shared/validate';
import { getTrustpilotCredentials, trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId } from './fields';
import { replyDescription } from './reply.description';

/** The explicit author, else the credential's Business User ID; one of them is required. */
async function authorOf(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const explicit = String(ctx.getNodeParameter('authorBusinessUserId', itemIndex, '') ?? '').trim();
	if (explicit) return requireId(ctx, itemIndex, 'Author Business User ID', explicit);
	const credentials = await getTrustpilotCredentials(ctx);
	const fromCredential = String(credentials.businessUserId ?? '').trim();
	if (!fromCredential) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Author Business User ID: is required and was empty',
			{
				itemIndex,
				description:
					'Set "Author Business User ID" on the node, or "Business User ID" in the Trustpilot credential (copy it from your user profile in Trustpilot Business).',
			},
		);
	}
	return requireId(ctx, itemIndex, 'Business User ID (credential)', fromCredential);
}

export const reply: TrustpilotOperation = {
	option: {
		name: 'Reply',
		value: 'reply',
		action:
			'Post the company reply to a service review by review id, with the reply text as Message. The reply is public at once and replaces an earlier reply; do not call twice for one review. Returns success, reviewId, message. Writes: publishes the reply',
		description: "Post the company's public reply to a review",
	},
	description: replyDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const message = requireTextParameter(this, itemIndex, 'message', 'Message');
		const authorBusinessUserId = await authorOf(this, itemIndex);
		// POST is never resent after a possible success (see transport), so a reply is not posted twice.
		const { body } = await trustpilotRequest(this, {
			method: 'POST',
			path: `/private/reviews/${reviewId}/reply`,
			access: 'private',
			businessUserHeader: 'whenSet',
			body: { authorBusinessUserId, message },
			itemIndex,
		});
		const extra = body && !Array.isArray(body) ? (body as IDataObject) : {};
		return { success: true, action: 'replied', reviewId, authorBusinessUserId, message, ...extra };
	},
};
