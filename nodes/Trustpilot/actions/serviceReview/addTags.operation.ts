import type { IExecuteFunctions } from 'n8n-workflow';

import type { TrustpilotOperation } from '../types';
import { writeTags } from './fields';
import { addTagsDescription } from './addTags.description';

export const addTags: TrustpilotOperation = {
	option: {
		name: 'Add Tags',
		value: 'addTags',
		action:
			'Add tags to a service review by review id, keeping its other tags. Tag values have no spaces; group defaults to generic. Returns success, reviewId, tags. Writes: changes the review tags',
		description: 'Add tags to a review, keeping the tags it already has',
	},
	description: addTagsDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await writeTags(this, itemIndex, 'add');
	},
};
