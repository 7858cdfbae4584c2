import type { IExecuteFunctions } from 'n8n-workflow';

import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readConsumerId } from './fields';
import { getProfileDescription } from './getProfile.description';

export const getProfile: TrustpilotOperation = {
	option: {
		name: 'Get Profile',
		value: 'getProfile',
		action: 'Get the profile of a consumer',
		description: "Get a reviewer's public profile: name, country, profile image, verification",
	},
	description: getProfileDescription,
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
