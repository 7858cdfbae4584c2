import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId, requireTextParameter } from '../../../shared/validate';
import { getTrustpilotCredentials, trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId, messageField, privateReviewIdField } from './fields';

const description: INodeProperties[] = [
	privateReviewIdField,
	messageField('The public reply shown under the review'),
	{
		displayName: 'Author Business User ID',
		name: 'authorBusinessUserId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5f3b2c1a9d8e7f6a5b4c3d2e',
		description:
			'The business user the reply is posted as. Leave empty to use the Business User ID of the credential.',
		hint: "Empty = the credential's Business User ID",
	},
];

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
	description,
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
