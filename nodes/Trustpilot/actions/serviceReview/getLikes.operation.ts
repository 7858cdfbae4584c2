import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId, serviceReviewIdField } from './fields';

const description: INodeProperties[] = [serviceReviewIdField];

export const getLikes: TrustpilotOperation = {
	option: {
		name: 'Get Likes',
		value: 'getLikes',
		action: 'Get the likes of a service review',
		description: 'Who found a review useful (public)',
	},
	description,
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
