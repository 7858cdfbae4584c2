import type { INodeProperties } from 'n8n-workflow';

import { businessUnitLocator, requiredLocaleField } from '../../helpers/descriptions';

export const getWebLinksDescription: INodeProperties[] = [
	businessUnitLocator,
	requiredLocaleField('Language and country of the pages the links point to, e.g. en-US or da-DK'),
];
