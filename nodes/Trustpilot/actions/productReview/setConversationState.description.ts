import type { INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { conversationIdField } from './fields';

export const setConversationStateDescription: INodeProperties[] = [
	{ ...conversationIdField, hint: PRIVATE_HINT },
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		description: 'Who can see the conversation',
		options: [
			{
				name: 'Private',
				value: 'private',
				description: 'Only you and the reviewer see the conversation',
			},
			{ name: 'Public', value: 'public', description: 'The conversation is shown with the review' },
		],
		default: 'public',
	},
];
