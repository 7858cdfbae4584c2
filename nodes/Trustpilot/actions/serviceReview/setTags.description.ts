import type { INodeProperties } from 'n8n-workflow';

import { privateReviewIdField, reviewTagsField } from './fields';

export const setTagsDescription: INodeProperties[] = [
	privateReviewIdField,
	{
		...reviewTagsField(false),
		description: 'The complete new set of tags; no tags removes them all',
	},
];
