import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireIdParameter } from '../../../shared/validate';

export const consumerIdField: INodeProperties = {
	displayName: 'Consumer ID',
	name: 'consumerId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5f3b2c1a9d8e7f6a5b4c3d2e',
	description:
		"The ID of the reviewer (24 hexadecimal characters), e.g. from a review's consumer ID",
};

export function readConsumerId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireIdParameter(ctx, itemIndex, 'consumerId', 'Consumer ID');
}
