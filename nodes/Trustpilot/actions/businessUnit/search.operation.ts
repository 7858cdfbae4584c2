import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../helpers/descriptions';
import { requireTextParameter } from '../../../shared/validate';
import { countryField, countryLocaleQuery } from '../category/fields';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';

const endpoint = ENDPOINTS.businessUnitSearch;

const description: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. example',
		description: 'Text to search for in company names and domains',
	},
	...returnAllAndLimit(endpoint.maxPageSize, 'companies'),
	filtersCollection([
		{ ...countryField, description: 'Only companies in this country (two-letter code, e.g. US)' },
	]),
];

export const search: TrustpilotOperation = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search business units',
		description: 'Search companies by name or domain (public), one item per company',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const query = requireTextParameter(this, itemIndex, 'query', 'Query');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return await fetchList(this, itemIndex, endpoint, {
			qs: { query, ...countryLocaleQuery(this, itemIndex, { country: filters.country }) },
		});
	},
};
