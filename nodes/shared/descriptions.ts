import type { INodeProperties } from 'n8n-workflow';

/** Parameters that more than one node shows: the business unit picker and Simplify. */

export const OBJECT_ID_REGEX = '^[0-9a-fA-F]{24}$';

/** Business unit picker: searchable list, a 24-character id, or a domain resolved with Find. */
export const businessUnitLocator: INodeProperties = {
	displayName: 'Business Unit',
	name: 'businessUnit',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Trustpilot business unit (company profile)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Search by name or domain…',
			typeOptions: {
				searchListMethod: 'searchBusinessUnits',
				searchable: true,
				searchFilterRequired: true,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 46d6a890000064000500e0c3',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: OBJECT_ID_REGEX,
						errorMessage: 'A business unit ID has 24 hexadecimal characters',
					},
				},
			],
		},
		{
			displayName: 'By Domain',
			name: 'domain',
			type: 'string',
			placeholder: 'e.g. example.com',
			hint: 'The domain or name of the company on Trustpilot; looked up with "Find" when the node runs',
		},
	],
};

export const simplifyToggle: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	hint: 'Flat fields (ID, stars, title, text, consumer, reply, tags, link) that map straight into a CRM or sheet row',
};
