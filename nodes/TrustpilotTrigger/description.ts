import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../shared/descriptions';
import { ALL_EVENTS } from './events';

const UNSURE =
	'Event name not confirmed by Trustpilot documentation; "All Events" also catches it under another name.';

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			"Trustpilot has no API to register webhooks. Copy the Production URL above into Trustpilot Business › Integrations › Developers › Webhooks (add a subscription URL for the events you want, press Test, save), then publish this workflow. With Basic Auth, write the URL as https://user:password@your-n8n-host/webhook/… (if Trustpilot's Test gets a 401, it does not send those credentials: use Token); with a token, append ?token=your-token.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	// n8n's URL panel above cannot carry the caller secret, so each mode spells out the URL to register.
	{
		displayName:
			'URL to register: the Production URL above with your token appended — https://your-n8n-host/webhook/<Webhook ID>/webhook?token=<Token>',
		name: 'tokenUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['token'] } },
	},
	{
		displayName:
			'URL to register: the Production URL above with the user and password in front of the host — https://<User>:<Password>@your-n8n-host/webhook/<Webhook ID>/webhook',
		name: 'basicAuthUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName:
			'URL to register: the Production URL above as it is. Anyone who knows it can start this workflow.',
		name: 'openUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{
				name: 'All Events',
				value: ALL_EVENTS,
				description: 'Every event Trustpilot sends, including future ones',
			},
			{
				name: 'Product Review Created',
				value: 'product-review-created',
				description: 'A product review was written',
			},
			{ name: 'Product Review Deleted', value: 'product-review-deleted', description: UNSURE },
			{ name: 'Product Review Updated', value: 'product-review-updated', description: UNSURE },
			{
				name: 'Service Review Created',
				value: 'service-review-created',
				description: 'A review of the company was written',
			},
			{
				name: 'Service Review Deleted',
				value: 'service-review-deleted',
				description: 'A review was deleted; the event carries little more than its ID',
			},
			{
				name: 'Service Review Updated',
				value: 'service-review-updated',
				description: 'A review was edited by its author',
			},
		],
		default: [ALL_EVENTS],
		description: 'Events to start the workflow for; others are acknowledged and ignored',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'Basic Auth',
				value: 'basicAuth',
				description:
					'User and password embedded in the subscription URL (https://user:password@host/…)',
			},
			{
				name: 'None',
				value: 'none',
				description: 'Anyone who knows the URL can start the workflow',
			},
			{
				name: 'Secret Token in URL',
				value: 'token',
				description: 'A secret appended to the subscription URL as ?token=…',
			},
		],
		default: 'token',
		description: 'How to tell Trustpilot from anyone else; Trustpilot does not sign its calls',
	},
	{
		displayName: 'User',
		name: 'user',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. trustpilot',
		description: 'User name Trustpilot must send; it becomes part of the subscription URL',
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Use a long random value; it becomes part of the subscription URL',
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Use a long random value of letters and digits; calls without it are answered 401',
		displayOptions: { show: { authentication: ['token'] } },
	},
	{
		displayName: 'Fetch Full Review',
		name: 'fetchFullReview',
		type: 'boolean',
		default: false,
		description:
			'Whether to read the private review for created and updated service-review events, adding the consumer email and reference ID that events leave out',
		hint: 'Needs a Trustpilot credential with Client Credentials or Business User Login; one API request per event',
	},
	{
		...simplifyToggle,
		description:
			'Whether to return flat review fields instead of the event data as Trustpilot sends it',
	},
];
