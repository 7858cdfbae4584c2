import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { consumerIdField, readConsumerId } from './fields';

const description: INodeProperties[] = [consumerIdField];

export const getProfile: TrustpilotOperation = {
	option: {
		name: 'Get Profile',
		value: 'getProfile',
		action: 'Get the profile of a consumer',
		description: "Get a reviewer's public profile: name, country, profile image, verification",
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readConsumerId(this, itemIndex);
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/consumers/${id}/profile`,
			itemIndex,
		});
	},
};
