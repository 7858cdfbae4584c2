import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBoolean, requireTextParameter } from '../../../shared/validate';
import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId } from './fields';
import { findReviewerDescription } from './findReviewer.description';

export const findReviewer: TrustpilotOperation = {
	option: {
		name: 'Request Find Reviewer',
		value: 'findReviewer',
		action: 'Request to find the reviewer of a service review',
		description:
			'Ask Trustpilot to contact the reviewer for details that identify them as a customer',
	},
	description: findReviewerDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const message = requireTextParameter(this, itemIndex, 'message', 'Message');
		const skipNotificationEmailToBusinessUser = readBoolean(
			this,
			itemIndex,
			'Skip Notification Email',
			this.getNodeParameter('skipNotificationEmailToBusinessUser', itemIndex, false),
			false,
		);
		// Non-idempotent: Trustpilot emails the reviewer, so it is never resent after a possible success.
		const { body } = await trustpilotRequest(this, {
			method: 'POST',
			path: `/private/reviews/${reviewId}/find-reviewer`,
			access: 'private',
			businessUserHeader: true,
			body: { message, skipNotificationEmailToBusinessUser },
			itemIndex,
		});
		const extra = body && !Array.isArray(body) ? (body as IDataObject) : {};
		return { success: true, action: 'findReviewerRequested', reviewId, ...extra };
	},
};
