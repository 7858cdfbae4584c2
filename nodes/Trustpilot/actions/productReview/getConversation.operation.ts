import type { IExecuteFunctions } from 'n8n-workflow';

import { readOption } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import {
	getPrivateProductReview,
	readConversationId,
	readProductReviewId,
	requirePathId,
} from './fields';
import { getConversationDescription } from './getConversation.description';

export const getConversation: TrustpilotOperation = {
	option: {
		name: 'Get Conversation',
		value: 'getConversation',
		action: 'Get the conversation of a product review',
		description: 'Get the comments between you and the reviewer of a product review (private)',
	},
	description: getConversationDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		let conversationId: string;
		const findBy = readOption(
			this,
			itemIndex,
			'Find By',
			this.getNodeParameter('conversationBy', itemIndex),
			['conversationId', 'reviewId'] as const,
			'conversationId',
		);
		if (findBy === 'reviewId') {
			const reviewId = readProductReviewId(this, itemIndex);
			const review = await getPrivateProductReview(this, itemIndex, reviewId);
			if (!review.conversationId) {
				// Not an error: a review nobody has answered yet simply has no conversation.
				return { reviewId, conversationId: null, hasConversation: false, comments: [] };
			}
			conversationId = requirePathId(
				this,
				itemIndex,
				'Conversation ID (from the review)',
				review.conversationId,
			);
		} else {
			conversationId = readConversationId(this, itemIndex);
		}
		const conversation = await trustpilotJson(this, {
			method: 'GET',
			path: `/private/conversations/${conversationId}`,
			access: 'private',
			itemIndex,
		});
		return { ...conversation, hasConversation: true };
	},
};
