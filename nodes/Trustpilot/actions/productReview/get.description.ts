import type { INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT, optionalLocaleField } from '../../helpers/descriptions';
import { productReviewSimplifyToggle, productReviewIdField } from './fields';

export const getDescription: INodeProperties[] = [
	{ ...productReviewIdField, hint: PRIVATE_HINT },
	productReviewSimplifyToggle,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [optionalLocaleField('Locale for translated texts such as attribute names')],
	},
];
