import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { starsQuery } from '../../helpers/reviewFilters';
import { readText, requireTextParameter } from '../../../shared/validate';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';
import { getImportedReviewsDescription } from './getImportedReviews.description';

const endpoint = ENDPOINTS.importedProductReviews;

export const getImportedReviews: TrustpilotOperation = {
	option: {
		name: 'Get Imported Reviews',
		value: 'getImportedReviews',
		action: 'Get imported product reviews',
		description: 'List the reviews of a product that were imported from another platform (public)',
	},
	description: getImportedReviewsDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const sku = requireTextParameter(this, itemIndex, 'sku', 'SKU');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { sku };
		const language = readText(this, itemIndex, 'Filters → Language', filters.language);
		if (language !== '') qs.language = language;
		const stars = starsQuery(this, itemIndex, filters.stars);
		if (stars) qs.stars = stars;
		// Every input is checked before the business unit is looked up: a bad value sends nothing.
		return await fetchList(this, itemIndex, endpoint, {
			parameters: async () => ({ businessUnitId: await readBusinessUnitId(this, itemIndex) }),
			qs,
		});
	},
};
