import type { INodeProperties } from 'n8n-workflow';

import { businessUnitLocator, simplifyToggle } from '../shared/descriptions';

export const DEFAULT_MAX_ITEMS = 500;
export const DEFAULT_LATE_WINDOW_MINUTES = 15;
export const DEFAULT_UPDATE_WINDOW_DAYS = 7;

export const pollTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Trustpilot recommends webhooks (see the Trustpilot Trigger node) over polling. Without "Client Credentials" or "Business User Login" in the credential, public reviews are read: no consumer email or reference ID.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		// What the schedule costs (README › Cost per poll): Trustpilot's API module allows about
		// 200,000 calls a year on tier 1, and a poll is paid for even when nothing is new.
		displayName:
			"Cost: a poll with nothing new makes 1 request per business unit (2 for service reviews with Client Credentials or Business User Login: the list and its reported reviews; public product reviews: 1 per SKU), plus 1 per 100 new reviews. A year of private service reviews, per business unit: every minute 1,051,200 (over tier 1's 200,000 and tier 2's 1,000,000), every 5 minutes 210,240 (over tier 1), every 15 minutes 70,080, every hour 17,520.",
		name: 'costNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Reviews',
		name: 'reviewType',
		type: 'options',
		noDataExpression: true,
		description: 'Which kind of reviews to watch',
		options: [
			{
				name: 'Service Reviews',
				value: 'service',
				description: 'Reviews of the company',
			},
			{
				name: 'Product Reviews',
				value: 'product',
				description:
					'Reviews of products. Needs Client Credentials or Business User Login, or SKUs under Options.',
			},
		],
		default: 'service',
	},
	{
		// A list of locators rather than one: a sync often covers several country profiles.
		displayName: 'Business Units',
		name: 'businessUnits',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Business Unit',
		default: { unit: [{ businessUnit: { mode: 'list', value: '' } }] },
		required: true,
		description: 'The company profiles to watch; each keeps its own position in the review list',
		options: [
			{
				displayName: 'Business Unit',
				name: 'unit',
				values: [{ ...businessUnitLocator, required: false }],
			},
		],
	},
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		description: 'Which changes start the workflow',
		options: [
			{
				name: 'New Reviews',
				value: 'new',
				description: 'Each review once, when it first appears',
			},
			{
				name: 'New and Updated Reviews',
				value: 'newAndUpdated',
				description:
					'Also again when its "updatedAt" changes, for reviews created within "Watch Updates for (Days)"',
			},
		],
		default: 'new',
	},
	{
		displayName: 'Start From',
		name: 'start',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Now',
				value: 'now',
				description: 'Only reviews that appear after the workflow is activated',
			},
			{
				name: 'A Date (Backfill)',
				value: 'date',
				description: 'Every review created since a date, oldest first, then new ones',
			},
			{
				name: 'All Reviews',
				value: 'all',
				description: 'Every review ever written, oldest first, then new ones',
			},
		],
		default: 'now',
		hint: 'Changing Reviews, Trigger On, Start From, Start Date or SKUs restarts the sync from this setting',
	},
	{
		displayName:
			'"Now" is fixed at the first scheduled poll after publishing, not at the moment you publish: reviews written in between are not emitted. To include them, choose "A Date (Backfill)" with the date you publish.',
		name: 'startNowNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { start: ['now'] } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Reviews created at or after this time (UTC unless a zone is given) are emitted',
		displayOptions: { show: { start: ['date'] } },
	},
	{
		...simplifyToggle,
		description: 'Whether to return flat fields instead of the full review as Trustpilot sends it',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Fine-tuning of the sync; the defaults suit most accounts',
		options: [
			{
				displayName: 'Late Review Window (Minutes)',
				name: 'lateWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1440 },
				default: DEFAULT_LATE_WINDOW_MINUTES,
				description:
					'How far before the newest review seen each poll looks again, for reviews that show up in the API after newer ones (e.g. after moderation). Costs no extra request unless a page (100 reviews) is not enough.',
			},
			{
				displayName: 'Max Items per Poll',
				name: 'maxItemsPerPoll',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: DEFAULT_MAX_ITEMS,
				description:
					'At most this many reviews per business unit and poll; the rest come with the next poll, oldest first. Bounds memory during a backfill.',
			},
			{
				displayName: 'SKUs',
				name: 'skus',
				type: 'string',
				default: '',
				placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L',
				description:
					'Only reviews of these products, separated by commas. Required for product reviews with an "API Key Only" credential.',
				displayOptions: { show: { '/reviewType': ['product'] } },
			},
			{
				displayName: 'Watch Updates for (Days)',
				name: 'updateWindowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 90 },
				default: DEFAULT_UPDATE_WINDOW_DAYS,
				description:
					'Trustpilot cannot filter by update time, so every poll re-reads the reviews created in this many days to spot changes: one request per 100 such reviews and business unit',
				displayOptions: { show: { '/event': ['newAndUpdated'] } },
			},
		],
	},
];
