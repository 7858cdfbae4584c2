import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readListLimit } from '../../helpers/businessUnit';
import { readText } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { countryLocaleQuery } from './fields';
import { getAllDescription } from './getAll.description';

const endpoint = ENDPOINTS.categories;

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many categories',
		description: 'List Trustpilot categories, or the sub-categories of one (public)',
	},
	description: getAllDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs = countryLocaleQuery(this, itemIndex, options);
		// Read before the request: a bad Limit sends nothing.
		const limit = readListLimit(this, itemIndex);
		const parentId = readText(this, itemIndex, 'Parent Category ID', options.parentId);
		if (parentId) qs.parentId = parentId;
		const response = await trustpilotJson(this, singlePageRequest(endpoint, { qs, itemIndex }));
		const categories = listItems(endpoint, response);
		return limit === undefined ? categories : categories.slice(0, limit);
	},
};
