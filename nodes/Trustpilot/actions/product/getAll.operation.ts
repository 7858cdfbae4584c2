import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import {
	filtersCollection,
	privateBusinessUnitLocator,
	returnAllAndLimit,
	optionalLocaleField,
} from '../../helpers/descriptions';
import { readList } from '../../../shared/validate';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';

const endpoint = ENDPOINTS.products;

const description: INodeProperties[] = [
	privateBusinessUnitLocator,
	...returnAllAndLimit(endpoint.maxPageSize, 'products'),
	filtersCollection([
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			description: 'Only products of this group (e.g. the variants of one product)',
		},
		optionalLocaleField('Locale of the product texts'),
		{
			displayName: 'SKUs',
			name: 'skus',
			type: 'string',
			default: '',
			placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L',
			description: 'Only these SKUs, separated by commas',
		},
	]),
];

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many products',
		description: 'List the products of your Trustpilot catalogue (private)',
	},
	description,
	access: 'private',
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
