import type { IExecuteFunctions } from 'n8n-workflow';

import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId } from './fields';
import { deleteReplyDescription } from './deleteReply.description';

export const deleteReply: TrustpilotOperation = {
	option: {
		name: 'Delete Reply',
		value: 'deleteReply',
		action:
			'Delete the company reply of a service review by review id. Returns success and reviewId. Writes: removes the public reply',
		description: "Remove the company's reply from a review",
	},
	description: deleteReplyDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const { goneAfterRetry } = await trustpilotRequest(this, {
			method: 'DELETE',
			path: `/private/reviews/${reviewId}/reply`,
			access: 'private',
			businessUserHeader: 'whenSet',
			itemIndex,
		});
		if (goneAfterRetry) {
			// The first attempt failed uncertainly; the retry found no reply: it was deleted then.
			return {
				success: true,
				action: 'replyDeleted',
				reviewId,
				note: 'The reply is gone: the first attempt most likely deleted it before its answer was lost, so the retry found nothing to delete.',
			};
		}
		return { success: true, action: 'replyDeleted', reviewId };
	},
};
