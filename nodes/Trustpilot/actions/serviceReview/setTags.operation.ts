import type { IExecuteFunctions } from 'n8n-workflow';

import type { TrustpilotOperation } from '../types';
import { writeTags } from './fields';
import { setTagsDescription } from './setTags.description';

export const setTags: TrustpilotOperation = {
	option: {
		name: 'Set Tags',
		value: 'setTags',
		action:
			'Replace all tags of a service review by review id with the given ones (an empty list removes all). Returns success, reviewId, tags. Writes: changes the review tags',
		description: 'Replace all tags of a review with the given ones',
	},
	description: setTagsDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await writeTags(this, itemIndex, 'set');
	},
};
