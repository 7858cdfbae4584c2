import type { INodeProperties } from 'n8n-workflow';

import { messageField, privateReviewIdField } from './fields';

export const findReviewerDescription: INodeProperties[] = [
	privateReviewIdField,
	messageField(
		'Why you ask the reviewer for details (e.g. an order number); Trustpilot forwards it to the reviewer',
	),
	{
		displayName: 'Skip Notification Email',
		name: 'skipNotificationEmailToBusinessUser',
		type: 'boolean',
		default: false,
		description:
			'Whether to skip the email Trustpilot sends to the business user when the reviewer answers',
	},
];
