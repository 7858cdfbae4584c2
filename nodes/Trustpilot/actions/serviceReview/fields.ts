import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { fieldError, readText, requireIdParameter } from '../../../shared/validate';
import { simplifyServiceReview } from '../../../shared/simplify';
import { trustpilotRequest } from '../../transport';

export const serviceReviewIdField: INodeProperties = {
	displayName: 'Review ID',
	name: 'reviewId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5f3b2c1a9d8e7f6a5b4c3d2e',
	description: 'The ID of the service review (24 hexadecimal characters)',
};

/** The review ID of the operations that need an access token. */
export const privateReviewIdField: INodeProperties = {
	...serviceReviewIdField,
	hint: PRIVATE_HINT,
};

/** The text Trustpilot passes on (Reply, Request Find Reviewer); `description` says to whom. */
export function messageField(description: string): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description,
	};
}

export const accessField: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	default: 'public',
	description: 'Which view of the reviews to read',
	hint: 'Consumer email, reference ID and tags come only from Private, which needs a credential with Client Credentials or Business User Login',
	options: [
		{
			name: 'Private',
			value: 'private',
			description:
				'Business view: adds the consumer email, reference ID, tags, source and Find Reviewer status. ' +
				PRIVATE_HINT +
				'.',
		},
		{
			name: 'Public',
			value: 'public',
			description: 'What everyone sees on Trustpilot; works with an API key only',
		},
	],
};

/** Reads and validates the review ID of an item (24 hex characters, checked before sending). */
export function readServiceReviewId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireIdParameter(ctx, itemIndex, 'reviewId', 'Review ID');
}

/** Applies an item's Simplify switch (`readSimplify`, read before the request) to raw reviews. */
export function shapeReviews(simplify: boolean, reviews: IDataObject[]): IDataObject[] {
	return simplify ? reviews.map((review) => simplifyServiceReview(review)) : reviews;
}

export interface ReviewTag {
	group: string;
	value: string;
}

/** Trustpilot Business shows tags of the group "generic"; other groups are for integrations. */
export const DEFAULT_TAG_GROUP = 'generic';

export const tagGroupField: INodeProperties = {
	displayName: 'Group',
	name: 'group',
	type: 'string',
	default: DEFAULT_TAG_GROUP,
	description: 'Tag group. Tags in the group "generic" are the ones shown in Trustpilot Business.',
};

export const tagValueField: INodeProperties = {
	displayName: 'Value',
	name: 'value',
	type: 'string',
	default: '',
	placeholder: 'e.g. refund-requested',
	description: 'The tag itself, e.g. refund-requested or Tag Name (review tags may contain spaces)',
};

export function reviewTagsField(required: boolean): INodeProperties {
	return {
		displayName: 'Tags',
		name: 'tags',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tag',
		default: {},
		required,
		description: 'Tags as group + value pairs, e.g. generic + refund-requested',
		options: [{ displayName: 'Tag', name: 'tag', values: [tagGroupField, tagValueField] }],
	};
}

function invalid(ctx: IExecuteFunctions, itemIndex: number, field: string, problem: string): never {
	return fieldError(
		ctx,
		itemIndex,
		field,
		problem,
		`Check the "${field}" parameter of item ${itemIndex + 1}. A tag needs a value, e.g. "order-2024".`,
	);
}

/**
 * One tag, validated: a group (default "generic") and a non-empty value. Review tags may contain
 * spaces (the docs filter by `tagGroup=Group Name`, and the webhook sample carries the value
 * "Tag value"); only BGL and invitation tags forbid them.
 * `field` names the parameter in errors; `position` the entry of a list (1-based).
 */
export function requireTag(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: IDataObject,
	field: string,
	position?: number,
): ReviewTag {
	// The shared text rule: an object or a list an expression gave is an error, not "[object Object]".
	const group =
		readText(
			ctx,
			itemIndex,
			position === undefined ? 'Tag Group' : `${field} #${position} Group`,
			raw.group,
		) || DEFAULT_TAG_GROUP;
	const value = readText(
		ctx,
		itemIndex,
		position === undefined ? field : `${field} #${position} Value`,
		raw.value,
	);
	const which = position === undefined ? 'the tag' : `tag ${position}`;
	if (value === '') invalid(ctx, itemIndex, field, `${which} has no value`);
	return { group, value };
}

/** Reads the Tags fixed collection of an item; `atLeastOne` for operations that add tags. */
export function readTags(
	ctx: IExecuteFunctions,
	itemIndex: number,
	atLeastOne: boolean,
): ReviewTag[] {
	const collection = ctx.getNodeParameter('tags', itemIndex, {}) as IDataObject;
	const entries = (collection.tag as IDataObject[] | undefined) ?? [];
	const tags = entries.map((entry, index) => requireTag(ctx, itemIndex, entry, 'Tags', index + 1));
	if (atLeastOne && tags.length === 0) invalid(ctx, itemIndex, 'Tags', 'add at least one tag');
	return tags;
}

/**
 * Add Tags (PUT, adds) and Set Tags (POST, replaces) share a body. Replacing is idempotent,
 * so unlike other POSTs it may be retried after a server error.
 */
export async function writeTags(ctx: IExecuteFunctions, itemIndex: number, mode: 'add' | 'set') {
	const reviewId = readServiceReviewId(ctx, itemIndex);
	const tags = readTags(ctx, itemIndex, mode === 'add');
	await trustpilotRequest(ctx, {
		method: mode === 'add' ? 'PUT' : 'POST',
		path: `/private/reviews/${reviewId}/tags`,
		access: 'private',
		businessUserHeader: true,
		body: { tags },
		idempotent: true,
		itemIndex,
	});
	return { success: true, action: mode === 'add' ? 'tagsAdded' : 'tagsSet', reviewId, tags };
}
