import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getLimit } from '../../helpers/businessUnit';
import { returnAllAndLimit } from '../../helpers/descriptions';
import { trustpilotList } from '../../transport/pagination';
import type { TrustpilotOperation } from '../types';
import { categoryIdField, countryLocaleOptions, countryLocaleQuery, getCategoryId } from './fields';

const MAX_PAGE_SIZE = 100;

const description: INodeProperties[] = [
	categoryIdField,
	...returnAllAndLimit(MAX_PAGE_SIZE, 'companies'),
	countryLocaleOptions(),
];

export const getBusinessUnits: TrustpilotOperation = {
	option: {
		name: 'Get Business Units',
		value: 'getBusinessUnits',
		action: 'Get the business units of a category',
		description: 'List the companies in a category (public), one item per company',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = getCategoryId(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const units = await trustpilotList(
			this,
			{
				method: 'GET',
				path: `/categories/${encodeURIComponent(id)}/business-units`,
				qs: countryLocaleQuery(this, itemIndex, options),
				itemsKey: 'businessUnits',
				// Documented answer: {totalNumberOfBusinesses, businessUnits}, no links → page numbers,
				// stopping at the total (or a short page).
				style: 'page',
				totalKey: 'totalNumberOfBusinesses',
				maxPageSize: MAX_PAGE_SIZE,
				itemIndex,
			},
			getLimit(this, itemIndex),
		);
		// Rows are keyed by `businessUnitId`; `id` is the same value under the name every other
		// business-unit output uses, so it maps straight into Get / Get Many of Service Reviews.
		return units.map((unit) => ({ id: unit.businessUnitId ?? unit.id ?? null, ...unit }));
	},
};
