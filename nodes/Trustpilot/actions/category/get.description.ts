import type { INodeProperties } from 'n8n-workflow';

import { categoryIdField, localeField } from './fields';

// Trustpilot documents `country` as required for this endpoint (unlike the category lists).
export const getDescription: INodeProperties[] = [
	categoryIdField,
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: 'US',
		required: true,
		placeholder: 'e.g. US',
		description:
			'Two-letter country code (ISO 3166-1 alpha-2); the number of companies is counted in this country',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [localeField],
	},
];
