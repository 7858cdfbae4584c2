import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError } from '../../../shared/validate';

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
export function validateTag(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: IDataObject,
	field: string,
	position?: number,
): ReviewTag {
	const group = String(raw.group ?? '').trim() || DEFAULT_TAG_GROUP;
	const value = String(raw.value ?? '').trim();
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
	const tags = entries.map((entry, index) => validateTag(ctx, itemIndex, entry, 'Tags', index + 1));
	if (atLeastOne && tags.length === 0) invalid(ctx, itemIndex, 'Tags', 'add at least one tag');
	return tags;
}
