import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../helpers/validation';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { conversationIdField, PRIVATE_HINT, requirePathId } from './shared';

const description: INodeProperties[] = [
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
	{
		displayName: 'Comment',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The new text of the comment',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Integration ID',
				name: 'integrationId',
				type: 'string',
				default: '',
				description: 'Your own identifier for the system that wrote the comment',
			},
		],
	},
];

export const updateComment: TrustpilotOperation = {
	option: {
		name: 'Update Comment',
		value: 'updateComment',
		action: 'Update a comment on a product review',
		description: 'Change the text of a comment in a product review conversation (private)',
	},
	description,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const conversationId = requirePathId(
			this,
			itemIndex,
			'Conversation ID',
			this.getNodeParameter('conversationId', itemIndex),
		);
		const commentId = requirePathId(
			this,
			itemIndex,
			'Comment ID',
			this.getNodeParameter('commentId', itemIndex),
		);
		const content = requireText(
			this,
			itemIndex,
			'Comment',
			this.getNodeParameter('content', itemIndex),
		);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = { content };
		const integrationId = String(options.integrationId ?? '').trim();
		if (integrationId) body.integrationId = integrationId;
		const updated = await trustpilotJson(this, {
			method: 'PUT',
			path: `/private/conversations/${conversationId}/comments/${commentId}`,
			body,
			access: 'private',
			itemIndex,
		});
		if (Object.keys(updated).length) return { ...updated, conversationId };
		return { success: true, action: 'updated', conversationId, commentId, content };
	},
};
