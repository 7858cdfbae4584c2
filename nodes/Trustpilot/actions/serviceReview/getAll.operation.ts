import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	readBusinessUnitId,
	readListLimit,
	readSimplify,
	readSource,
} from '../../helpers/businessUnit';
import { readReviewOrder, starsQuery } from '../../helpers/reviewFilters';
import { trustpilotList } from '../../transport/pagination';
import { ENDPOINTS, listRequest } from '../../../shared/endpoints';
import {
	parseUtcDate,
	readBoolean,
	readList,
	readOption,
	readText,
	requireEmail,
	toTrustpilotDateTime,
} from '../../../shared/validate';
import type { TrustpilotOperation } from '../types';
import { shapeReviews } from './fields';
import { getAllDescription } from './getAll.description';

const PUBLIC_FILTERS = [
	'language',
	'tagGroup',
	'tagValue',
	'responded',
	'includeReportedReviews',
	'internalLocationId',
];
const PRIVATE_FILTERS = [
	...PUBLIC_FILTERS,
	'startDateTime',
	'endDateTime',
	'findReviewer',
	'ignoreTagValueCase',
	'locationId',
	'referenceId',
	'referralEmail',
	'reported',
	'reviewSource',
	'username',
];

/** The filters that are switches (on/off), and every filter's name as the editor shows it. */
const SWITCH_FILTERS = new Set([
	'responded',
	'includeReportedReviews',
	'ignoreTagValueCase',
	'reported',
]);
// Trustpilot's two values of the Find Reviewer filter (the editor's choices).
const FIND_REVIEWER_STATES = ['contacted', 'notContacted'] as const;
const FILTER_LABELS: Record<string, string> = {
	language: 'Language',
	tagGroup: 'Tag Group',
	tagValue: 'Tag Value',
	responded: 'Replied',
	includeReportedReviews: 'Include Reported Reviews',
	internalLocationId: 'Internal Location ID',
	findReviewer: 'Find Reviewer Status',
	ignoreTagValueCase: 'Ignore Tag Value Case',
	locationId: 'Location ID',
	referenceId: 'Reference ID',
	referralEmail: 'Referral Email',
	reported: 'Reported',
	reviewSource: 'Review Source',
	username: 'Username',
};

/**
 * Turns the Filters collection into Trustpilot's query. Lists are sent comma-separated (the
 * form Trustpilot documents); private-only filters are dropped for the public list, where
 * the editor hides them anyway.
 */
function filtersToQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	isPrivateList: boolean,
): IDataObject {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const allowed = isPrivateList ? PRIVATE_FILTERS : PUBLIC_FILTERS;
	const query: IDataObject = {};
	const stars = starsQuery(ctx, itemIndex, filters.stars);
	if (stars) query.stars = stars;
	for (const key of allowed) {
		const value = filters[key];
		if (value === undefined || value === null || value === '') continue;
		const label = FILTER_LABELS[key] ?? key;
		if (key === 'findReviewer') {
			query[key] = readOption(ctx, itemIndex, label, value, FIND_REVIEWER_STATES);
		} else if (SWITCH_FILTERS.has(key)) {
			// Text "false" from an expression is the switch off, not a truthy value sent as is.
			query[key] = readBoolean(ctx, itemIndex, label, value, true) ? 'true' : 'false';
		} else if (key === 'startDateTime' || key === 'endDateTime') {
			// A Date or Luxon DateTime from an expression; read by the date parser below.
			query[key] = value;
		} else if (Array.isArray(value)) {
			const entries = readList(ctx, itemIndex, label, value);
			if (entries.length) query[key] = entries.join(',');
		} else {
			// The shared text rule: an object or a list is an error, not "[object Object]" in the query.
			const text = readText(ctx, itemIndex, label, value).replace(/\s*,\s*/g, ',');
			if (text !== '') query[key] = text;
		}
	}
	if (query.reviewSource !== undefined) {
		query.source = query.reviewSource;
		delete query.reviewSource;
	}
	for (const [key, label] of [
		['startDateTime', 'Created After'],
		['endDateTime', 'Created Before'],
	] as const) {
		if (query[key] === undefined) continue;
		// The shared parser reads text without a zone as UTC, as the field is documented.
		query[key] = toTrustpilotDateTime(parseUtcDate(ctx, itemIndex, label, filters[key]));
	}
	if (query.referralEmail !== undefined)
		query.referralEmail = requireEmail(ctx, itemIndex, 'Referral Email', query.referralEmail);
	return query;
}

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action:
			'List service reviews of a company, newest first unless Order By says otherwise. Returns at most Limit reviews (default 50, up to 100 per call as a tool), each with id, stars (1-5), title, text, language, createdAt, consumerName, replyText (null if unanswered), replyDate, link. Filters: stars, language, replied. Use a review id with the get, reply and tag tools. Read-only: changes nothing',
		description: 'List the reviews of a business unit, newest first by default, with filters',
	},
	description: getAllDescription,
	access(this: IExecuteFunctions, itemIndex: number) {
		return readSource(this, itemIndex);
	},
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// Every input is checked before the business unit is looked up: a bad value sends nothing.
		const privateList = readSource(this, itemIndex) === 'private';
		const qs = {
			...filtersToQuery(this, itemIndex, privateList),
			orderBy: readReviewOrder(
				this,
				itemIndex,
				this.getNodeParameter('orderBy', itemIndex, 'createdat.desc'),
			),
		};
		const limit = readListLimit(this, itemIndex);
		const simplify = readSimplify(this, itemIndex);
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
		return shapeReviews(simplify, reviews);
	},
};
