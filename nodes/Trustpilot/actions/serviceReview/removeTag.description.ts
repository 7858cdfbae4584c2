import type { INodeProperties } from 'n8n-workflow';

import { privateReviewIdField, tagGroupField, tagValueField } from './fields';

export const removeTagDescription: INodeProperties[] = [
	privateReviewIdField,
	{ ...tagGroupField, displayName: 'Tag Group', name: 'group' },
	{ ...tagValueField, displayName: 'Tag Value', name: 'value', required: true },
];
