import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { readList, readLocale, readText } from '../../../shared/validate';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';
import { getAllDescription } from './getAll.description';

const endpoint = ENDPOINTS.products;

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many products',
		description: 'List the products of your Trustpilot catalogue (private)',
	},
	description: getAllDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const skus = readList(this, itemIndex, 'Filters → SKUs', filters.skus);
		if (skus.length) qs.skus = skus.join(',');
		const groupId = readText(this, itemIndex, 'Filters → Group ID', filters.groupId);
		if (groupId !== '') qs.groupId = groupId;
		const locale = readLocale(this, itemIndex, 'Filters → Locale', filters.locale);
		if (locale !== '') qs.locale = locale;
		// Every input is checked before the business unit is looked up: a bad value sends nothing.
		return await fetchList(this, itemIndex, endpoint, {
			parameters: async () => ({ businessUnitId: await readBusinessUnitId(this, itemIndex) }),
			qs,
		});
	},
};
