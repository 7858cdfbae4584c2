import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getLimit } from '../../helpers/businessUnit';
import { filtersCollection, returnAllAndLimit } from '../../helpers/descriptions';
import { requireText } from '../../helpers/validation';
import { trustpilotList } from '../../transport/pagination';
import { countryField, countryLocaleQuery } from '../category/fields';
import type { TrustpilotOperation } from '../types';

const MAX_PAGE_SIZE = 100;

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
	...returnAllAndLimit(MAX_PAGE_SIZE, 'companies'),
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
		const query = requireText(this, itemIndex, 'Query', this.getNodeParameter('query', itemIndex));
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return await trustpilotList(
			this,
			{
				method: 'GET',
				path: '/business-units/search',
				qs: { query, ...countryLocaleQuery(this, itemIndex, { country: filters.country }) },
				itemsKey: 'businessUnits',
				style: 'page',
				maxPageSize: MAX_PAGE_SIZE,
				// Trustpilot's search spells the page size in lower case.
				pageSizeParam: 'perpage',
				itemIndex,
			},
			getLimit(this, itemIndex),
		);
	},
};
