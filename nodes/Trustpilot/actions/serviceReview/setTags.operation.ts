import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TrustpilotOperation } from '../types';
import { privateReviewIdField, reviewTagsField, writeTags } from './fields';

const description: INodeProperties[] = [
	privateReviewIdField,
	{
		...reviewTagsField(false),
		description: 'The complete new set of tags; no tags removes them all',
	},
];

export const setTags: TrustpilotOperation = {
	option: {
		name: 'Set Tags',
		value: 'setTags',
		action:
			'Replace all tags of a service review by review id with the given ones (an empty list removes all). Returns success, reviewId, tags. Writes: changes the review tags',
		description: 'Replace all tags of a review with the given ones',
	},
	description,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await writeTags(this, itemIndex, 'set');
	},
};
