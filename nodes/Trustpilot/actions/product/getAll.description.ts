import type { INodeProperties } from 'n8n-workflow';

import {
	filtersCollection,
	privateBusinessUnitLocator,
	returnAllAndLimit,
	optionalLocaleField,
} from '../../helpers/descriptions';
import { ENDPOINTS } from '../../../shared/endpoints';

export const getAllDescription: INodeProperties[] = [
	privateBusinessUnitLocator,
	...returnAllAndLimit(ENDPOINTS.products.maxPageSize, 'products'),
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
