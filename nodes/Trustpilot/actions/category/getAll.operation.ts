import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readListLimit } from '../../helpers/businessUnit';
import { returnAllAndLimit } from '../../helpers/descriptions';
import { trustpilotJson } from '../../transport';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { countryLocaleOptions, countryLocaleQuery } from './fields';

const description: INodeProperties[] = [
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

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many categories',
		description: 'List Trustpilot categories, or the sub-categories of one (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs = countryLocaleQuery(this, itemIndex, options);
		const parentId = String(options.parentId ?? '').trim();
		if (parentId) qs.parentId = parentId;
		const endpoint = ENDPOINTS.categories;
		const response = await trustpilotJson(this, singlePageRequest(endpoint, { qs, itemIndex }));
		const categories = listItems(endpoint, response);
		const limit = readListLimit(this, itemIndex);
		return limit === undefined ? categories : categories.slice(0, limit);
	},
};
