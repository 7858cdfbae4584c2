import type { INodeProperties } from 'n8n-workflow';

import {
	businessUnitLocator,
	filtersCollection,
	returnAllAndLimit,
	simplifyToggle,
} from '../../helpers/descriptions';
import { reviewOrderByField, starsFilter } from '../../helpers/reviewFilters';
import { ENDPOINTS } from '../../../shared/endpoints';
import { accessField } from './fields';

// Filters marked this way are accepted by the private list only.
const privateOnly = { show: { '/source': ['private'] } };

const filtersField: INodeProperties = filtersCollection([
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

export const getAllDescription: INodeProperties[] = [
	businessUnitLocator,
	accessField,
	...returnAllAndLimit(ENDPOINTS.serviceReviews.maxPageSize, 'reviews'),
	simplifyToggle,
	reviewOrderByField,
	filtersField,
];
