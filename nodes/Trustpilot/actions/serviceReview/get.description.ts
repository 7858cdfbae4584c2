import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../helpers/descriptions';
import { accessField, serviceReviewIdField } from './fields';

export const getDescription: INodeProperties[] = [
	serviceReviewIdField,
	accessField,
	simplifyToggle,
];
