import type { IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { getProfileInfoDescription } from './getProfileInfo.description';

export const getProfileInfo: TrustpilotOperation = {
	option: {
		name: 'Get Profile Info',
		value: 'getProfileInfo',
		action: 'Get the profile info of a business unit',
		description:
			'Get the contact details, address, description and social media links of a company (public)',
	},
	description: getProfileInfoDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = await readBusinessUnitId(this, itemIndex);
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/business-units/${id}/profileinfo`,
			itemIndex,
		});
	},
};
