import type { INodeProperties } from 'n8n-workflow';

export const findDescription: INodeProperties[] = [
	{
		displayName: 'Name or Domain',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. example.com',
		description: 'The identifying name (usually the domain) or a referring name of the company',
	},
];
