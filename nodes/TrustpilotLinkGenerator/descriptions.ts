import type { INodeProperties } from 'n8n-workflow';

import { COUNTRY_SITES, DEFAULT_COUNTRY_SITE } from './linkFormat';

const onGenerate = { show: { operation: ['generate'] } };
const onDecode = { show: { operation: ['decode'] } };

export const linkGeneratorProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Decode Link',
				value: 'decode',
				action: 'Decode a review link',
				description: 'Verify a review link with your keys and return the customer data inside it',
			},
			{
				name: 'Generate Link',
				value: 'generate',
				action: 'Generate a review link',
				description:
					'Create an encrypted review link for one customer and order, without calling Trustpilot',
			},
		],
		default: 'generate',
	},
	{
		displayName: 'Customer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Email address of the customer who is invited to review',
		displayOptions: onGenerate,
	},
	{
		displayName: 'Customer Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Jane Doe',
		description: 'Name shown on the review; the customer can change it on Trustpilot',
		displayOptions: onGenerate,
	},
	{
		displayName: 'Reference Number',
		name: 'referenceNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ORDER-1042',
		description:
			'Your order or transaction number. A new reference lets the same customer review again for another order.',
		displayOptions: onGenerate,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: onGenerate,
		options: [
			{
				displayName: 'Country Site',
				name: 'countrySite',
				type: 'options',
				options: COUNTRY_SITES,
				default: DEFAULT_COUNTRY_SITE,
				description:
					'Which Trustpilot site (and so which language) the review page opens on, e.g. de.trustpilot.com',
			},
			{
				displayName: 'Product SKUs',
				name: 'skus',
				type: 'string',
				default: '',
				placeholder: 'e.g. SKU-1,SKU-2',
				description:
					'Comma-separated SKUs of the products bought; with product reviews enabled the customer is also asked to review them',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. web-shop,summer-sale',
				description: 'Comma-separated tags to put on the review (no spaces inside a tag)',
			},
		],
	},
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://www.trustpilot.com/evaluate-bgl/example.com?p=…',
		description: 'A review link, or just the value of its p parameter',
		displayOptions: onDecode,
	},
];
