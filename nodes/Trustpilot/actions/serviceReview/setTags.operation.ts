import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TrustpilotOperation } from '../types';
import { privateReviewIdField } from './fields';
import { tagsField } from './tags';
import { writeTags } from './tagWrite';

const description: INodeProperties[] = [
	privateReviewIdField,
	{ ...tagsField(false), description: 'The complete new set of tags; no tags removes them all' },
];

export const setTags: TrustpilotOperation = {
	option: {
		name: 'Set Tags',
		value: 'setTags',
		action: 'Set the tags of a service review',
		description: 'Replace all tags of a review with the given ones',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await writeTags(this, itemIndex, 'set');
	},
};
