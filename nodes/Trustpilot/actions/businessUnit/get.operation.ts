import type { IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { getDescription } from './get.description';

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action:
			"Get the summary of a company by its business unit id: displayName, score.trustScore (1-5), score.stars, numberOfReviews (total and per star), websiteUrl. Use it for 'what is our rating'. Read-only: changes nothing",
		description: 'Get the public data of a business unit: name, TrustScore, review counts',
	},
	description: getDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = await readBusinessUnitId(this, itemIndex);
		return await trustpilotJson(this, { method: 'GET', path: `/business-units/${id}`, itemIndex });
	},
};
