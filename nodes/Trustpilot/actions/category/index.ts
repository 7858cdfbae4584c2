import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getBusinessUnits } from './getBusinessUnits.operation';

export const category: TrustpilotResource = {
	option: { name: 'Category', value: 'category', description: 'Trustpilot business categories' },
	operations: { get, getAll, getBusinessUnits },
};

export const categoryProperties = resourceProperties(category, 'getAll');
