import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import {
	businessUnitLocator,
	filtersCollection,
	returnAllAndLimit,
} from '../../helpers/descriptions';
import { starsFilter, starsQuery } from '../../helpers/reviewFilters';
import { requireTextParameter } from '../../../shared/validate';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';
import { languageFilter } from './fields';

const endpoint = ENDPOINTS.importedProductReviews;

const description: INodeProperties[] = [
	businessUnitLocator,
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. MUG-CER-01',
		description: 'The product whose imported reviews to list',
	},
	...returnAllAndLimit(endpoint.maxPageSize, 'reviews'),
	filtersCollection([languageFilter, starsFilter]),
];

export const getImportedReviews: TrustpilotOperation = {
	option: {
		name: 'Get Imported Reviews',
		value: 'getImportedReviews',
		action: 'Get imported product reviews',
		description: 'List the reviews of a product that were imported from another platform (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const sku = requireTextParameter(this, itemIndex, 'sku', 'SKU');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { sku };
		const language = String(filters.language ?? '').trim();
		if (language !== '') qs.language = language;
		const stars = starsQuery(this, itemIndex, filters.stars);
		if (stars) qs.stars = stars;
		return await fetchList(this, itemIndex, endpoint, { parameters: { businessUnitId }, qs });
	},
};
