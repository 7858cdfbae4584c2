import type { INodeProperties } from 'n8n-workflow';

import { businessUserBusinessUnit } from './fields';

export const deleteInvitationDataDescription: INodeProperties[] = [
	{
		displayName:
			"Deleting invitation data is permanent: Trustpilot removes the customers' names, emails and reference numbers from your invitation history, and this cannot be undone",
		name: 'irreversibleNotice',
		type: 'notice',
		default: '',
	},
	businessUserBusinessUnit,
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options',
		noDataExpression: true,
		default: 'customerEmails',
		options: [
			{
				name: 'Customer Emails',
				value: 'customerEmails',
				description: 'Delete the invitation data of these customers (e.g. a GDPR erasure request)',
			},
			{
				name: 'Older Than a Date',
				value: 'olderThan',
				description: 'Delete all invitation data created before a date',
			},
		],
		description:
			'Trustpilot deletes either by customer emails or by age, never both in one request',
	},
	{
		displayName: 'Customer Emails',
		name: 'customerEmails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com, john@example.com',
		displayOptions: { show: { deleteBy: ['customerEmails'] } },
		description: 'Email addresses separated by commas or new lines',
		hint: 'Irreversible: all invitation data of these customers is deleted',
	},
	{
		displayName: 'Delete Older Than (UTC)',
		name: 'deleteOlderThan',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { deleteBy: ['olderThan'] } },
		description: 'All invitation data created before this moment is deleted',
		hint: 'Irreversible: everything older than this date is deleted. Read as UTC unless the value carries an offset.',
	},
];
