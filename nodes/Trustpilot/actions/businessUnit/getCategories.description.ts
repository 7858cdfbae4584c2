import type { INodeProperties } from 'n8n-workflow';

import { businessUnitLocator } from '../../helpers/descriptions';
import { countryLocaleOptions } from '../category/fields';

export const getCategoriesDescription: INodeProperties[] = [
	businessUnitLocator,
	countryLocaleOptions(),
];
