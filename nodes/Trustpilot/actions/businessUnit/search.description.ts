import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../helpers/descriptions';
import { countryField } from '../category/fields';
import { ENDPOINTS } from '../../../shared/endpoints';

export const searchDescription: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. example',
		description: 'Text to search for in company names and domains',
	},
	...returnAllAndLimit(ENDPOINTS.businessUnitSearch.maxPageSize, 'companies'),
	filtersCollection([
		{ ...countryField, description: 'Only companies in this country (two-letter code, e.g. US)' },
	]),
];
