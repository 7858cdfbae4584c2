import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';
import { countryLocaleQuery, readCategoryId } from './fields';
import { getBusinessUnitsDescription } from './getBusinessUnits.description';

const endpoint = ENDPOINTS.categoryBusinessUnits;

export const getBusinessUnits: TrustpilotOperation = {
	option: {
		name: 'Get Business Units',
		value: 'getBusinessUnits',
		action: 'Get the business units of a category',
		description: 'List the companies in a category (public), one item per company',
	},
	description: getBusinessUnitsDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readCategoryId(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const units = await fetchList(this, itemIndex, endpoint, {
			parameters: { categoryId: id },
			qs: countryLocaleQuery(this, itemIndex, options),
		});
		// Rows are keyed by `businessUnitId`; `id` is the same value under the name every other
		// business-unit output uses, so it maps straight into Get / Get Many of Service Reviews.
		return units.map((unit) => ({ id: unit.businessUnitId ?? unit.id ?? null, ...unit }));
	},
};
