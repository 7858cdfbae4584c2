import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../helpers/descriptions';
import { ENDPOINTS } from '../../../shared/endpoints';
import { categoryIdField, countryLocaleOptions } from './fields';

export const getBusinessUnitsDescription: INodeProperties[] = [
	categoryIdField,
	...returnAllAndLimit(ENDPOINTS.categoryBusinessUnits.maxPageSize, 'companies'),
	countryLocaleOptions(),
];
