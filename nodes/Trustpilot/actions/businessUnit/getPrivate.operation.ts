import type { IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { getPrivateDescription } from './getPrivate.description';

export const getPrivate: TrustpilotOperation = {
	option: {
		name: 'Get Private',
		value: 'getPrivate',
		action: 'Get the private data of a business unit',
		description: 'Get a business unit as its owner sees it (needs an access token)',
	},
	description: getPrivateDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = await readBusinessUnitId(this, itemIndex);
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/private/business-units/${id}`,
			access: 'private',
			itemIndex,
		});
	},
};
