import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId, readListLimit } from '../../helpers/businessUnit';
import { businessUnitLocator, returnAllAndLimit, simplifyToggle } from '../../helpers/descriptions';
import { reviewOrderByField } from '../../helpers/reviewFilters';
import { trustpilotList } from '../../transport/pagination';
import { ENDPOINTS, listRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { accessField, isPrivate, shapeReviews } from './fields';
import { filtersField, filtersToQuery } from './getAll.description';

const description: INodeProperties[] = [
	businessUnitLocator,
	accessField,
	...returnAllAndLimit(ENDPOINTS.serviceReviews.maxPageSize, 'reviews'),
	simplifyToggle,
	reviewOrderByField,
	filtersField,
];

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action:
			'List service reviews of a company, newest first unless Order By says otherwise. Returns at most Limit reviews (default 50, up to 100 per call as a tool), each with id, stars (1-5), title, text, language, createdAt, consumerName, replyText (null if unanswered), replyDate, link. Filters: stars, language, replied. Use a review id with the get, reply and tag tools. Read-only: changes nothing',
		description: 'List the reviews of a business unit, newest first by default, with filters',
	},
	description,
	access(this: IExecuteFunctions, itemIndex: number) {
		return isPrivate(this, itemIndex) ? 'private' : 'public';
	},
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// Every input is checked before the business unit is looked up: a bad value sends nothing.
		const privateList = isPrivate(this, itemIndex);
		const qs = {
			...filtersToQuery(this, itemIndex, privateList),
			orderBy: this.getNodeParameter('orderBy', itemIndex, 'createdat.desc') as string,
		};
		const limit = readListLimit(this, itemIndex);
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const reviews = await trustpilotList(
			this,
			listRequest(privateList ? ENDPOINTS.privateServiceReviews : ENDPOINTS.serviceReviews, {
				parameters: { businessUnitId },
				qs,
				itemIndex,
			}),
			limit,
		);
		return shapeReviews(this, itemIndex, reviews);
	},
};
