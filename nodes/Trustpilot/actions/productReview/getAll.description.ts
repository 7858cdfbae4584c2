import type { INodeProperties } from 'n8n-workflow';

import {
	businessUnitLocator,
	filtersCollection,
	PRIVATE_HINT,
	returnAllAndLimit,
	optionalLocaleField,
} from '../../helpers/descriptions';
import { starsFilter } from '../../helpers/reviewFilters';
import { ENDPOINTS } from '../../../shared/endpoints';
import { languageFilter, productReviewSimplifyToggle } from './fields';

const showPublic = { show: { source: ['public'] } };
const showPrivate = { show: { source: ['private'] } };
// Inside a collection, a leading "/" points at the node's top-level "source" parameter.
const filterForPublic = { show: { '/source': ['public'] } };
const filterForPrivate = { show: { '/source': ['private'] } };

const STATES = [
	{ name: 'Archived', value: 'archived' },
	{ name: 'Published', value: 'published' },
	{ name: 'Under Moderation', value: 'underModeration' },
	{ name: 'Unpublished', value: 'unpublished' },
];

export const getAllDescription: INodeProperties[] = [
	businessUnitLocator,
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		description: 'Which product reviews to read',
		hint: 'Private needs a credential with Client Credentials or Business User Login',
		options: [
			{
				name: 'Private',
				value: 'private',
				description:
					'All your product reviews with consumer email, reference ID, state and conversation',
			},
			{
				name: 'Public',
				value: 'public',
				description:
					'Published reviews of given products, as shown on your site (API key is enough)',
			},
		],
		default: 'public',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L',
		description:
			'One or more product SKUs, separated by commas (one request per SKU, so each review is labelled with its SKU). SKU or Product URL is required.',
		displayOptions: showPublic,
	},
	{
		displayName: 'Product URL',
		name: 'productUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://www.example.com/products/t-shirt',
		description:
			'The product page address. SKU or Product URL is required; SKU wins when both are set.',
		displayOptions: showPublic,
	},
	{
		displayName: 'States',
		name: 'states',
		type: 'multiOptions',
		options: STATES,
		default: ['published'],
		description: 'Which moderation states to return',
		hint: PRIVATE_HINT,
		displayOptions: showPrivate,
	},
	...returnAllAndLimit(ENDPOINTS.productReviews.maxPageSize, 'reviews'),
	productReviewSimplifyToggle,
	filtersCollection([
		languageFilter,
		optionalLocaleField('Only reviews written in this locale'),
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
			placeholder: 'e.g. TEE-BLK-M, HOOD-GRY-L',
			description: 'Only reviews of these SKUs, separated by commas',
			displayOptions: filterForPrivate,
		},
		{ ...starsFilter, displayOptions: filterForPublic },
	]),
];
