import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { readText } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import {
	getPrivateProductReview,
	readCommentBody,
	readProductReviewId,
	requirePathId,
} from './fields';
import { replyDescription } from './reply.description';

/** The conversation a private product review names, if any. */
async function existingConversation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reviewId: string,
): Promise<string | undefined> {
	const review = await getPrivateProductReview(ctx, itemIndex, reviewId);
	const id = review.conversationId;
	if (id === undefined || id === null || id === '') return undefined;
	return requirePathId(ctx, itemIndex, 'Conversation ID (from the review)', id);
}

/**
 * Trustpilot answers product reviews in a conversation, which only exists once the business has
 * replied. The review names its conversation (`conversationId`), so read that first and start
 * one only when there is none. What create-conversation answers for a review that already has
 * one is not documented (409, 400 or 201 with the same id are all plausible): on a refusal the
 * review is read again, because another run may have started it meanwhile.
 */
async function conversationOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reviewId: string,
): Promise<{ conversationId: string; started: boolean }> {
	const existing = await existingConversation(ctx, itemIndex, reviewId);
	if (existing) return { conversationId: existing, started: false };
	// Nothing documents the answer to a second create-conversation: on 409/400 the review is read
	// again, and a conversation that appeared meanwhile is used instead of failing the reply.
	let raced: string | undefined;
	const created = (await trustpilotJson(ctx, {
		method: 'POST',
		path: `/private/product-reviews/${reviewId}/create-conversation`,
		access: 'private',
		businessUserHeader: true,
		itemIndex,
	}).catch(async (error: unknown) => {
		const status = error instanceof NodeApiError ? error.httpCode : undefined;
		if (status !== '409' && status !== '400') throw error;
		raced = await existingConversation(ctx, itemIndex, reviewId);
		if (!raced) throw error;
		return undefined;
	})) as IDataObject | undefined;
	if (raced || !created) return { conversationId: raced as string, started: false };
	const conversationId = requirePathId(
		ctx,
		itemIndex,
		'Conversation ID (from Trustpilot)',
		created.conversationId,
	);
	return { conversationId, started: true };
}

export const reply: TrustpilotOperation = {
	option: {
		name: 'Reply',
		value: 'reply',
		action:
			'Post a public comment from the company on a product review by review id, starting its conversation when needed. Do not call twice for one review. Returns success, reviewId, conversationId, commentId. Writes: publishes the comment',
		description: 'Post a public comment on a product review, starting its conversation when needed',
	},
	description: replyDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readProductReviewId(this, itemIndex);
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

		// If this fails after a conversation was started, running again is safe: the review then
		// names that conversation and no second one is started.
		const comment = await trustpilotJson(this, {
			method: 'POST',
			path: `/private/conversations/${conversationId}/comments`,
			body,
			access: 'private',
			businessUserHeader: true,
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
