import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import {
	commentField,
	conversationIdField,
	integrationIdOption,
	readCommentBody,
	readConversationId,
	requirePathId,
} from './fields';

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

export const updateComment: TrustpilotOperation = {
	option: {
		name: 'Update Comment',
		value: 'updateComment',
		action: 'Update a comment on a product review',
		description: 'Change the text of a comment in a product review conversation (private)',
	},
	description,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const conversationId = readConversationId(this, itemIndex);
		const commentId = requirePathId(
			this,
			itemIndex,
			'Comment ID',
			this.getNodeParameter('commentId', itemIndex),
		);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body = readCommentBody(this, itemIndex, options);
		const updated = await trustpilotJson(this, {
			method: 'PUT',
			path: `/private/conversations/${conversationId}/comments/${commentId}`,
			body,
			access: 'private',
			businessUserHeader: true,
			itemIndex,
		});
		if (Object.keys(updated).length) return { ...updated, conversationId };
		return { success: true, action: 'updated', conversationId, commentId, content: body.content };
	},
};
