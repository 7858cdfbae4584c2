import type { INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { conversationIdField, productReviewIdField } from './fields';

const showByReview = { show: { conversationBy: ['reviewId'] } };
const showByConversation = { show: { conversationBy: ['conversationId'] } };

export const getConversationDescription: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'conversationBy',
		type: 'options',
		options: [
			{ name: 'Conversation ID', value: 'conversationId' },
			{
				name: 'Product Review ID',
				value: 'reviewId',
				description: 'Looks up the conversation of the review first',
			},
		],
		default: 'conversationId',
		hint: PRIVATE_HINT,
	},
	{ ...conversationIdField, displayOptions: showByConversation },
	{ ...productReviewIdField, displayOptions: showByReview },
];
