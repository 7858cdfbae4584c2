import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { readText } from '../../helpers/validation';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import {
	commentField,
	getPrivateProductReview,
	integrationIdOption,
	readCommentBody,
	readReviewId,
	requirePathId,
	reviewIdField,
} from './shared';

const description: INodeProperties[] = [
	{ ...reviewIdField, hint: PRIVATE_HINT },
	commentField('Your public answer to the review'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				description:
					'The conversation the review already has (Get Many with Source "Private" outputs it). Saves one request; when empty, the node starts the conversation.',
			},
			integrationIdOption,
		],
	},
];

/**
 * Trustpilot answers product reviews in a conversation, which only exists once the business has
 * replied. So the first reply starts one. Trustpilot refuses (409) to start a second one; the
 * review then already names its conversation, so read it from there.
 */
async function conversationOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reviewId: string,
): Promise<{ conversationId: string; started: boolean }> {
	const created = await trustpilotJson(ctx, {
		method: 'POST',
		path: `/private/product-reviews/${reviewId}/create-conversation`,
		access: 'private',
		itemIndex,
	}).catch((error: unknown) => {
		if (error instanceof NodeApiError && error.httpCode === '409') return undefined;
		throw error;
	});
	if (created) {
		const conversationId = requirePathId(
			ctx,
			itemIndex,
			'Conversation ID (from Trustpilot)',
			created.conversationId,
		);
		return { conversationId, started: true };
	}
	const review = await getPrivateProductReview(ctx, itemIndex, reviewId);
	const conversationId = requirePathId(
		ctx,
		itemIndex,
		'Conversation ID (from the review)',
		review.conversationId,
	);
	return { conversationId, started: false };
}

export const reply: TrustpilotOperation = {
	option: {
		name: 'Reply',
		value: 'reply',
		action: 'Reply to a product review',
		description: 'Post a public comment on a product review, starting its conversation when needed',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readReviewId(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body = readCommentBody(this, itemIndex, options);
		const givenConversation = readText(
			this,
			itemIndex,
			'Options → Conversation ID',
			options.conversationId,
		);

		const { conversationId, started } = givenConversation
			? {
					conversationId: requirePathId(this, itemIndex, 'Conversation ID', givenConversation),
					started: false,
				}
			: await conversationOf(this, itemIndex, reviewId);

		// If this fails after a conversation was started, running again is safe: the 409 path above
		// finds the conversation instead of starting another.
		const comment = await trustpilotJson(this, {
			method: 'POST',
			path: `/private/conversations/${conversationId}/comments`,
			body,
			access: 'private',
			itemIndex,
		});
		return {
			success: true,
			action: 'replied',
			reviewId,
			conversationId,
			conversationStarted: started,
			commentId: comment.commentId ?? comment.id ?? null,
			createdAt: comment.createdAt ?? null,
			content: comment.content ?? body.content,
		};
	},
};
