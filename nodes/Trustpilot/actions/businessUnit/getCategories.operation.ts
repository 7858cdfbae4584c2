import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getBusinessUnitId } from '../../helpers/businessUnit';
import { businessUnitLocator } from '../../helpers/descriptions';
import { trustpilotJson } from '../../transport';
import { countryLocaleOptions, countryLocaleQuery, unwrapList } from '../category/fields';
import type { TrustpilotOperation } from '../types';

const description: INodeProperties[] = [businessUnitLocator, countryLocaleOptions()];

export const getCategories: TrustpilotOperation = {
	option: {
		name: 'Get Categories',
		value: 'getCategories',
		action: 'Get the categories of a business unit',
		description:
			'List the Trustpilot categories a company is listed in (public), one item per category',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs = countryLocaleQuery(this, itemIndex, options);
		const id = await getBusinessUnitId(this, itemIndex);
		const response = await trustpilotJson(this, {
			method: 'GET',
			path: `/business-units/${id}/categories`,
			qs,
			itemIndex,
		});
		return unwrapList(response, 'categories');
	},
};
