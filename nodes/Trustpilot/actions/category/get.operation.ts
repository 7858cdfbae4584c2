import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { categoryIdField, countryLocaleOptions, countryLocaleQuery, getCategoryId } from './fields';

const description: INodeProperties[] = [categoryIdField, countryLocaleOptions()];

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a category',
		description: 'Get a category with its parent and number of companies (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = getCategoryId(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/categories/${encodeURIComponent(id)}`,
			qs: countryLocaleQuery(this, itemIndex, options),
			itemIndex,
		});
	},
};
