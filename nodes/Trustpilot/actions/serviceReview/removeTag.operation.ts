import type { IExecuteFunctions } from 'n8n-workflow';

import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId, requireTag } from './fields';
import { removeTagDescription } from './removeTag.description';

export const removeTag: TrustpilotOperation = {
	option: {
		name: 'Remove Tag',
		value: 'removeTag',
		action:
			'Remove one tag (group and value) from a service review by review id. Returns success, reviewId, tag. Writes: changes the review tags',
		description: 'Remove one tag (group and value) from a review',
	},
	description: removeTagDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const tag = requireTag(
			this,
			itemIndex,
			{
				group: this.getNodeParameter('group', itemIndex, ''),
				value: this.getNodeParameter('value', itemIndex, ''),
			},
			'Tag Value',
		);
		await trustpilotRequest(this, {
			method: 'DELETE',
			path: `/private/reviews/${reviewId}/tags`,
			access: 'private',
			businessUserHeader: true,
			qs: { group: tag.group, value: tag.value },
			itemIndex,
		});
		return { success: true, action: 'tagRemoved', reviewId, tag };
	},
};
