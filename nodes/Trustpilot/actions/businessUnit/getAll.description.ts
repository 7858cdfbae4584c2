import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../helpers/descriptions';
import { ENDPOINTS } from '../../../shared/endpoints';

export const getAllDescription: INodeProperties[] = [
	...returnAllAndLimit(ENDPOINTS.allBusinessUnits.maxPageSize, 'companies'),
	filtersCollection([
		{
			displayName: 'Countries',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'e.g. US,GB,DK',
			description: 'Only companies in these countries: two-letter codes, separated by commas',
		},
	]),
];
