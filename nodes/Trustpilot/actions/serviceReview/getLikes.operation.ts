import type { IExecuteFunctions } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId } from './fields';
import { getLikesDescription } from './getLikes.description';

export const getLikes: TrustpilotOperation = {
	option: {
		name: 'Get Likes',
		value: 'getLikes',
		action: 'Get the likes of a service review',
		description: 'Who found a review useful (public)',
	},
	description: getLikesDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const response = await trustpilotJson(this, {
			method: 'GET',
			path: `/reviews/${reviewId}/likes`,
			itemIndex,
		});
		return { reviewId, ...response };
	},
};
