import type { INodeProperties } from 'n8n-workflow';

import { businessUnitLocator } from '../../helpers/descriptions';

export const getBatchSummariesDescription: INodeProperties[] = [
	businessUnitLocator,
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L, MUG-CER-01',
		description: 'The SKUs to summarise, separated by commas (or an array from an expression)',
	},
];
