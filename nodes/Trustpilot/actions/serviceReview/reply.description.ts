import type { INodeProperties } from 'n8n-workflow';

import { messageField, privateReviewIdField } from './fields';

export const replyDescription: INodeProperties[] = [
	privateReviewIdField,
	messageField('The public reply shown under the review'),
	{
		displayName: 'Author Business User ID',
		name: 'authorBusinessUserId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5f3b2c1a9d8e7f6a5b4c3d2e',
		description:
			'The business user the reply is posted as. Leave empty to use the Business User ID of the credential.',
		hint: "Empty = the credential's Business User ID",
	},
];
