import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireTextParameter } from '../../../shared/validate';
import { countryLocaleQuery } from '../category/fields';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';
import { searchDescription } from './search.description';

const endpoint = ENDPOINTS.businessUnitSearch;

export const search: TrustpilotOperation = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search business units',
		description: 'Search companies by name or domain (public), one item per company',
	},
	description: searchDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const query = requireTextParameter(this, itemIndex, 'query', 'Query');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return await fetchList(this, itemIndex, endpoint, {
			qs: { query, ...countryLocaleQuery(this, itemIndex, { country: filters.country }) },
		});
	},
};
