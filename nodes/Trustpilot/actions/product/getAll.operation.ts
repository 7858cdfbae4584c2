import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { readList } from '../../../shared/validate';
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
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const skus = readList(this, itemIndex, 'Filters → SKUs', filters.skus);
		if (skus.length) qs.skus = skus.join(',');
		for (const key of ['groupId', 'locale']) {
			const value = String(filters[key] ?? '').trim();
			if (value !== '') qs[key] = value;
		}
		return await fetchList(this, itemIndex, endpoint, { parameters: { businessUnitId }, qs });
	},
};
