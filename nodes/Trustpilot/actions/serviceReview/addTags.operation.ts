import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TrustpilotOperation } from '../types';
import { privateReviewIdField, reviewTagsField, writeTags } from './fields';

const description: INodeProperties[] = [privateReviewIdField, reviewTagsField(true)];

export const addTags: TrustpilotOperation = {
	option: {
		name: 'Add Tags',
		value: 'addTags',
		action:
			'Add tags to a service review by review id, keeping its other tags. Tag values have no spaces; group defaults to generic. Returns success, reviewId, tags. Writes: changes the review tags',
		description: 'Add tags to a review, keeping the tags it already has',
	},
	description,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await writeTags(this, itemIndex, 'add');
	},
};
