import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../../helpers/descriptions';
import { starsFilter, starsQuery } from '../../helpers/reviewFilters';
import { parseUtcDate, requireEmail, toTrustpilotDateTime } from '../../../shared/validate';

// Filters marked this way are accepted by the private list only.
const privateOnly = { show: { '/source': ['private'] } };

export const filtersField: INodeProperties = filtersCollection([
	{
		displayName: 'Created After',
		name: 'startDateTime',
		type: 'dateTime',
		default: '',
		description: 'Only reviews created at or after this time (UTC)',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Created Before',
		name: 'endDateTime',
		type: 'dateTime',
		default: '',
		description: 'Only reviews created before this time (UTC)',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Find Reviewer Status',
		name: 'findReviewer',
		type: 'options',
		default: 'contacted',
		options: [
			{ name: 'Contacted', value: 'contacted' },
			{ name: 'Not Contacted', value: 'notContacted' },
		],
		description: 'Whether a Find Reviewer request was already sent for the review',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Ignore Tag Value Case',
		name: 'ignoreTagValueCase',
		type: 'boolean',
		default: true,
		description: 'Whether "Tag Value" matches regardless of upper/lower case',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Include Reported Reviews',
		name: 'includeReportedReviews',
		type: 'boolean',
		default: true,
		description: 'Whether to include reviews that were reported (flagged) to Trustpilot',
	},
	{
		displayName: 'Internal Location ID',
		name: 'internalLocationId',
		type: 'string',
		default: '',
		description: "ID of one of the business unit's locations",
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. en or en,da',
		description: 'ISO 639-1 language code(s) of the reviews, comma-separated',
	},
	{
		displayName: 'Location ID',
		name: 'locationId',
		type: 'string',
		default: '',
		description: 'Trustpilot ID of a location of the business unit',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. ORD-10023',
		description: 'Your reference (usually the order ID) sent with the invitation',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Referral Email',
		name: 'referralEmail',
		type: 'string',
		default: '',
		placeholder: 'e.g. name@email.com',
		description: 'The email address the review invitation was sent to',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Replied',
		name: 'responded',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only reviews with a company reply (on) or only reviews without one (off)',
	},
	{
		displayName: 'Reported',
		name: 'reported',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only reported reviews (on) or only reviews that were not reported (off)',
		displayOptions: privateOnly,
	},
	{
		displayName: 'Review Source',
		name: 'reviewSource',
		type: 'options',
		default: 'afs',
		options: [
			{ name: 'Automatic Feedback Service', value: 'afs' },
			{ name: 'Kickstart', value: 'kickstart' },
			{ name: 'Trustpilot (Organic)', value: 'trustpilot' },
			{ name: 'Unique Link', value: 'uniqueLink' },
		],
		description: 'How the review was collected',
		displayOptions: privateOnly,
	},
	starsFilter,
	{
		displayName: 'Tag Group',
		name: 'tagGroup',
		type: 'string',
		default: '',
		placeholder: 'e.g. generic',
		description: 'Only reviews with a tag in this group (use with Tag Value)',
	},
	{
		displayName: 'Tag Value',
		name: 'tagValue',
		type: 'string',
		default: '',
		description: 'Only reviews with this tag value',
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		description: 'Display name of the consumer who wrote the review',
		displayOptions: privateOnly,
	},
]);

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

/**
 * Turns the Filters collection into Trustpilot's query. Lists are sent comma-separated (the
 * form Trustpilot documents); private-only filters are dropped for the public list, where
 * the editor hides them anyway.
 */
export function filtersToQuery(
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
		if (Array.isArray(value)) {
			if (value.length) query[key] = value.join(',');
		} else if (typeof value === 'boolean') {
			query[key] = value ? 'true' : 'false';
		} else {
			query[key] = typeof value === 'string' ? value.trim().replace(/\s*,\s*/g, ',') : value;
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
