import type { INodeProperties } from 'n8n-workflow';

export const OBJECT_ID_REGEX = '^[0-9a-fA-F]{24}$';

export const PRIVATE_HINT = 'Needs Client Credentials or Business User Login in the Trustpilot credential';

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
			typeOptions: { searchListMethod: 'searchBusinessUnits', searchable: true, searchFilterRequired: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 46d6a890000064000500e0c3',
			validation: [
				{
					type: 'regex',
					properties: { regex: OBJECT_ID_REGEX, errorMessage: 'A business unit ID has 24 hexadecimal characters' },
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

/** The business unit picker of operations that need an access token. */
export const privateBusinessUnitLocator: INodeProperties = { ...businessUnitLocator, hint: PRIVATE_HINT };

export function returnAllAndLimit(maxPerRequest: number, noun = 'results'): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			hint: `Fetches every page (${maxPerRequest} ${noun} per request)`,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const simplifyToggle: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	hint: 'Flat fields (ID, stars, title, text, consumer, reply, tags, link) that map straight into a CRM or sheet row',
};

/** The optional "Filters" collection of a list; options sorted by name, as n8n's editor convention wants. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
