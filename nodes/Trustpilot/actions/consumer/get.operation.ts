import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { consumerIdField, readConsumerId } from './fields';

const description: INodeProperties[] = [consumerIdField];

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a consumer',
		description: "Get a reviewer's public data: display name, location, number of reviews",
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readConsumerId(this, itemIndex);
		return await trustpilotJson(this, { method: 'GET', path: `/consumers/${id}`, itemIndex });
	},
};
