import type { INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { commentField, conversationIdField, integrationIdOption } from './fields';

export const updateCommentDescription: INodeProperties[] = [
	{ ...conversationIdField, hint: PRIVATE_HINT },
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		default: '',
		required: true,
		description:
			'The comment to change (the "Comment ID" output of Reply, or "commentId" in Get Conversation)',
	},
	commentField('The new text of the comment'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [integrationIdOption],
	},
];
