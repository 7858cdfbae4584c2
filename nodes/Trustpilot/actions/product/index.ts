import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { getAll } from './getAll.operation';
import { upsert } from './upsert.operation';

export const product: TrustpilotResource = {
	option: {
		name: 'Product',
		value: 'product',
		description: 'Your product catalogue on Trustpilot',
	},
	operations: { getAll, upsert },
};

export const productProperties = resourceProperties(product, 'getAll');
