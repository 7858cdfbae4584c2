import type { INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { commentField, integrationIdOption, productReviewIdField } from './fields';

export const replyDescription: INodeProperties[] = [
	{ ...productReviewIdField, hint: PRIVATE_HINT },
	commentField('Your public answer to the review'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				description:
					'The conversation the review already has (Get Many with Source "Private" outputs it). Saves one request; when empty, the node reads the review\'s conversation and starts one only when it has none.',
			},
			integrationIdOption,
		],
	},
];
