import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getBatchSummaries } from './getBatchSummaries.operation';
import { getConversation } from './getConversation.operation';
import { getImportedReviews } from './getImportedReviews.operation';
import { getSummaries } from './getSummaries.operation';
import { getSummary } from './getSummary.operation';
import { reply } from './reply.operation';
import { setConversationState } from './setConversationState.operation';
import { updateComment } from './updateComment.operation';

export const productReview: TrustpilotResource = {
	option: {
		name: 'Product Review',
		value: 'productReview',
		description: 'Reviews of products, and their conversations',
	},
	operations: {
		getAll,
		get,
		getSummary,
		getBatchSummaries,
		getSummaries,
		getImportedReviews,
		reply,
		getConversation,
		updateComment,
		setConversationState,
	},
};

export const productReviewProperties = resourceProperties(productReview, 'getAll');
