import type { INodeProperties } from 'n8n-workflow';

import { requiredLocaleField } from '../../helpers/descriptions';
import { serviceReviewIdField } from './fields';

export const getWebLinksDescription: INodeProperties[] = [
	serviceReviewIdField,
	requiredLocaleField('Language and country of the Trustpilot site the links point to, e.g. da-DK'),
];
