import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../helpers/businessUnit';
import { requireTextParameter } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { shapeReviews } from './fields';
import { getLatestDescription } from './getLatest.description';

const endpoint = ENDPOINTS.latestReviews;

export const getLatest: TrustpilotOperation = {
	option: {
		name: 'Get Latest',
		value: 'getLatest',
		action:
			'Get the newest service reviews across all companies on Trustpilot (public), newest first; at most Limit. Each review: id, stars, title, text, language, createdAt, businessUnitId, consumerName, link. Read-only: changes nothing',
		description: 'The newest reviews on Trustpilot in one language, across all companies (public)',
	},
	description: getLatestDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const language = requireTextParameter(this, itemIndex, 'language', 'Language');
		const count = readLimit(this, itemIndex, endpoint.maxCount);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { language, count };
		if (typeof additional.locale === 'string' && additional.locale.trim())
			qs.locale = additional.locale.trim();
		if (typeof additional.filterUsersWithoutImages === 'boolean') {
			qs.filterUsersWithoutImages = String(additional.filterUsersWithoutImages);
		}
		const response = await trustpilotJson(this, singlePageRequest(endpoint, { qs, itemIndex }));
		const reviews = listItems(endpoint, response);
		return shapeReviews(this, itemIndex, reviews.slice(0, count));
	},
};
