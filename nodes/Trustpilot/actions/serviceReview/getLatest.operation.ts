import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit, readSimplify } from '../../helpers/businessUnit';
import { readBoolean, readLocale, requireTextParameter } from '../../../shared/validate';
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
		const simplify = readSimplify(this, itemIndex);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { language, count };
		const locale = readLocale(this, itemIndex, 'Additional Fields → Locale', additional.locale);
		if (locale) qs.locale = locale;
		if (additional.filterUsersWithoutImages !== undefined) {
			const withImages = readBoolean(
				this,
				itemIndex,
				'Additional Fields → Only Consumers With Images',
				additional.filterUsersWithoutImages,
				true,
			);
			qs.filterUsersWithoutImages = String(withImages);
		}
		const response = await trustpilotJson(this, singlePageRequest(endpoint, { qs, itemIndex }));
		const reviews = listItems(endpoint, response);
		return shapeReviews(simplify, reviews.slice(0, count));
	},
};
