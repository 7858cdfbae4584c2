import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * Keys for Trustpilot's Business Generated Links add-on. BGL is sold separately from API access
 * and links are built offline, so this credential is independent of `trustpilotApi` and never
 * talks to Trustpilot: the node's `credentialTest` checks the domain and key format locally.
 */
export class TrustpilotBusinessLinksApi implements ICredentialType {
	name = 'trustpilotBusinessLinksApi';

	// The product's own name: there is no BGL API to call, so n8n's "…API" suffix would mislead.
	// n8n's package scanner (which ignores inline lint exceptions) requires credential names to end in "API".
	displayName = 'Trustpilot Business Generated Links API';

	icon: Icon = { light: 'file:../icons/trustpilot.svg', dark: 'file:../icons/trustpilot.dark.svg' };

	documentationUrl =
		'https://support.trustpilot.com/hc/en-us/articles/115004145087-Send-invitations-with-Business-Generated-Links';

	properties: INodeProperties[] = [
		{
			displayName:
				'Copy both keys from Trustpilot Business › Get reviews › Invitation methods › Business Generated Links. Nothing is sent to Trustpilot: links are encrypted in n8n.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'example.com',
			description:
				'Your domain as Trustpilot knows it: the part after trustpilot.com/review/ on your profile page',
		},
		{
			displayName: 'Encrypt Key',
			name: 'encryptSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The base64 encrypt key (44 characters, 32 bytes) shown in Trustpilot Business',
		},
		{
			displayName: 'Authentication Key',
			name: 'authSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The base64 authentication key (44 characters, 32 bytes) shown in Trustpilot Business',
		},
	];
}
