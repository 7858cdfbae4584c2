import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readCommentBody, readConversationId, requirePathId } from './fields';
import { updateCommentDescription } from './updateComment.description';

export const updateComment: TrustpilotOperation = {
	option: {
		name: 'Update Comment',
		value: 'updateComment',
		action: 'Update a comment on a product review',
		description: 'Change the text of a comment in a product review conversation (private)',
	},
	description: updateCommentDescription,
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
