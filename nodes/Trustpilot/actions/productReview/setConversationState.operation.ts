import type { IExecuteFunctions } from 'n8n-workflow';

import { readOption } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readConversationId } from './fields';
import { setConversationStateDescription } from './setConversationState.description';

export const setConversationState: TrustpilotOperation = {
	option: {
		name: 'Set Conversation State',
		value: 'setConversationState',
		action: 'Set the state of a product review conversation',
		description: 'Make a product review conversation public or private (private)',
	},
	description: setConversationStateDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const conversationId = readConversationId(this, itemIndex);
		const state = readOption(this, itemIndex, 'State', this.getNodeParameter('state', itemIndex), [
			'private',
			'public',
		] as const);
		const response = await trustpilotJson(this, {
			method: 'POST',
			path: `/private/conversations/${conversationId}/state`,
			body: { state },
			access: 'private',
			businessUserHeader: true,
			// Setting a state twice leaves the same state, so a retry after a lost answer is harmless.
			idempotent: true,
			// Trustpilot answers 204 without a body.
			expectBody: false,
			itemIndex,
		});
		return { success: true, action: 'stateSet', conversationId, state, ...response };
	},
};
