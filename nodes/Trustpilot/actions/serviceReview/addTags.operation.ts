import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TrustpilotOperation } from '../types';
import { privateReviewIdField } from './fields';
import { tagsField } from './tags';
import { writeTags } from './tagWrite';

const description: INodeProperties[] = [privateReviewIdField, tagsField(true)];

export const addTags: TrustpilotOperation = {
	option: {
		name: 'Add Tags',
		value: 'addTags',
		action: 'Add tags to a service review',
		description: 'Add tags to a review, keeping the tags it already has',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await writeTags(this, itemIndex, 'add');
	},
};
