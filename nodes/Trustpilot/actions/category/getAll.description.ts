import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../helpers/descriptions';
import { countryLocaleOptions } from './fields';

export const getAllDescription: INodeProperties[] = [
	// Trustpilot answers this list in one response; the limit is applied to it.
	...returnAllAndLimit(1000, 'categories').map((field) =>
		field.name === 'returnAll'
			? { ...field, hint: 'Trustpilot returns the whole list in one request' }
			: field,
	),
	countryLocaleOptions([
		{
			displayName: 'Parent Category ID',
			name: 'parentId',
			type: 'string',
			default: '',
			placeholder: 'e.g. shopping_fashion',
			description:
				'Only the sub-categories of this category; leave empty for the top-level categories',
		},
	]),
];
