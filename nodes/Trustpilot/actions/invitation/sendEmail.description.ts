import type { INodeProperties } from 'n8n-workflow';
import { optionalLocaleField, additionalFieldsCollection } from '../../helpers/descriptions';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	businessUserBusinessUnit,
	locationIdField,
	productFields,
	redirectUriField,
	invitationTagsField,
	templateField,
} from './fields';

const withService = { show: { invitationType: ['service', 'both'] } };
const withProducts = { show: { invitationType: ['product', 'both'] } };

function sendTimeField(noun: string): INodeProperties {
	return {
		displayName: 'Preferred Send Time (UTC)',
		name: 'preferredSendTime',
		type: 'dateTime',
		default: '',
		description: `When Trustpilot should send the ${noun} invitation; empty sends it within minutes`,
		hint: 'Read as UTC unless the value carries a time zone offset',
	};
}

export const sendEmailDescription: INodeProperties[] = [
	businessUserBusinessUnit,
	{
		displayName: 'Customer Email',
		name: 'consumerEmail',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		required: true,
		description: 'Email address the invitation is sent to',
	},
	{
		displayName: 'Customer Name',
		name: 'consumerName',
		type: 'string',
		default: '',
		required: true,
		description: 'Name used to greet the customer in the email',
	},
	{
		displayName: 'Reference Number',
		name: 'referenceNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ORDER-12345',
		description: 'Your order or customer number; it comes back on the review as its reference ID',
	},
	{
		displayName: 'Invite To Review',
		name: 'invitationType',
		type: 'options',
		default: 'service',
		options: [
			{ name: 'Company (Service Review)', value: 'service' },
			{ name: 'Company and Products', value: 'both' },
			{ name: 'Products', value: 'product' },
		],
		description: 'What the customer is asked to review',
	},
	...updateDisplayOptions(withService, [templateField('serviceTemplateId', 'Service Review')]),
	...updateDisplayOptions(withProducts, [
		templateField('productTemplateId', 'Product Review'),
		...productFields(true),
	]),
	...updateDisplayOptions(withService, [
		{
			displayName: 'Service Review Options',
			name: 'serviceOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [sendTimeField('service review'), redirectUriField('review'), invitationTagsField],
		},
	]),
	...updateDisplayOptions(withProducts, [
		{
			displayName: 'Product Review Options',
			name: 'productOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [sendTimeField('product review'), redirectUriField('product reviews')],
		},
	]),
	additionalFieldsCollection([
		optionalLocaleField('Language and country of the email, e.g. en-US or da-DK'),
		locationIdField,
		{
			displayName: 'Reply-To Email',
			name: 'replyTo',
			type: 'string',
			default: '',
			placeholder: 'e.g. support@example.com',
			description: "Address that receives the customer's replies to the invitation email",
		},
		{
			displayName: 'Sender Email',
			name: 'senderEmail',
			type: 'string',
			default: '',
			placeholder: 'e.g. noreply.invitations@trustpilotmail.com',
			description:
				'Sender address shown in the email (must be allowed for your Trustpilot account)',
		},
		{
			displayName: 'Sender Name',
			name: 'senderName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Example Store',
			description: 'Sender name shown in the email',
		},
	]),
];
