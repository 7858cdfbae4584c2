import type { INodeProperties } from 'n8n-workflow';

import { privateBusinessUnitLocator, additionalFieldsCollection } from '../../helpers/descriptions';
import { customerFields, productFields, redirectUriField } from './fields';

export const generateProductReviewLinkDescription: INodeProperties[] = [
	privateBusinessUnitLocator,
	...customerFields,
	...productFields(false),
	additionalFieldsCollection([redirectUriField('product reviews')]),
];
