import type { IExecuteFunctions } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readConsumerId } from './fields';
import { getDescription } from './get.description';

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a consumer',
		description: "Get a reviewer's public data: display name, location, number of reviews",
	},
	description: getDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readConsumerId(this, itemIndex);
		return await trustpilotJson(this, { method: 'GET', path: `/consumers/${id}`, itemIndex });
	},
};
