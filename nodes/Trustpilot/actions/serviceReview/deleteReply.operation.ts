import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { getReviewId, privateReviewIdField } from './fields';

const description: INodeProperties[] = [privateReviewIdField];

export const deleteReply: TrustpilotOperation = {
	option: {
		name: 'Delete Reply',
		value: 'deleteReply',
		action: 'Delete the reply to a service review',
		description: "Remove the company's reply from a review",
	},
	description,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = getReviewId(this, itemIndex);
		await trustpilotRequest(this, {
			method: 'DELETE',
			path: `/private/reviews/${reviewId}/reply`,
			access: 'private',
			businessUserHeader: 'whenSet',
			itemIndex,
		});
		return { success: true, action: 'replyDeleted', reviewId };
	},
};
