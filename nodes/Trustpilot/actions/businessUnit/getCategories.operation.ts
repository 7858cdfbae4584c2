import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { trustpilotJson } from '../../transport';
import { countryLocaleQuery } from '../category/fields';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { getCategoriesDescription } from './getCategories.description';

const endpoint = ENDPOINTS.businessUnitCategories;

export const getCategories: TrustpilotOperation = {
	option: {
		name: 'Get Categories',
		value: 'getCategories',
		action: 'Get the categories of a business unit',
		description:
			'List the Trustpilot categories a company is listed in (public), one item per category',
	},
	description: getCategoriesDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs = countryLocaleQuery(this, itemIndex, options);
		const id = await readBusinessUnitId(this, itemIndex);
		const response = await trustpilotJson(
			this,
			singlePageRequest(endpoint, { parameters: { businessUnitId: id }, qs, itemIndex }),
		);
		return listItems(endpoint, response);
	},
};
