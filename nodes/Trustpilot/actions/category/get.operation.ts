import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { countryLocaleQuery, readCategoryId } from './fields';
import { getDescription } from './get.description';

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a category',
		description: 'Get a category with its parent and number of companies (public)',
	},
	description: getDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readCategoryId(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const country = String(this.getNodeParameter('country', itemIndex, 'US') ?? '').trim();
		if (country === '') {
			throw new NodeOperationError(this.getNode(), 'Country: is required and was empty', {
				itemIndex,
				description: `Trustpilot needs a country for Get Category; set "Country" of item ${itemIndex + 1} to a code such as US, GB or DK.`,
			});
		}
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/categories/${encodeURIComponent(id)}`,
			qs: countryLocaleQuery(this, itemIndex, { ...options, country }),
			itemIndex,
		});
	},
};
