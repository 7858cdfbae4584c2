import type { INodeProperties } from 'n8n-workflow';

import { businessUnitLocator } from '../../shared/descriptions';

// Shared by every node (nodes/shared/descriptions.ts); re-exported for the action node's operations.
export { businessUnitLocator, OBJECT_ID_REGEX, simplifyToggle } from '../../shared/descriptions';

export const PRIVATE_HINT =
	'Needs Client Credentials or Business User Login in the Trustpilot credential';

/** The business unit picker of operations that need an access token. */
export const privateBusinessUnitLocator: INodeProperties = {
	...businessUnitLocator,
	hint: PRIVATE_HINT,
};

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

/** The optional "Filters" collection of a list; options sorted by name, as n8n's editor convention wants. */
/** The optional "Additional Fields" collection of an operation, options in the order given. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

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

/** A required Locale (language-country code), checked when the node runs by requireLocale. */
export function requiredLocaleField(description: string): INodeProperties {
	return {
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: 'en-US',
		required: true,
		placeholder: 'e.g. en-US',
		description,
	};
}

/** An optional Locale (language-country code); empty leaves Trustpilot's default. */
export function optionalLocaleField(description: string): INodeProperties {
	return {
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: '',
		placeholder: 'e.g. en-US',
		description,
	};
}

/** A required SKU (the product's identifier in your catalogue). */
export function requiredSkuField(
	description: string,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-BLK-M',
		description,
		...(displayOptions ? { displayOptions } : {}),
	};
}
