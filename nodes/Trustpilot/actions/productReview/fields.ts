import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyToggle } from '../../helpers/descriptions';
import {
	readText,
	requireText,
	requireTextParameter,
	requireIdParameter,
} from '../../../shared/validate';
import { trustpilotJson } from '../../transport';

export const productReviewSimplifyToggle: INodeProperties = {
	...simplifyToggle,
	hint: 'Flat fields (ID, stars, content, SKU, product, consumer, reference ID, conversation ID) that map straight into a CRM or sheet row',
};

export const languageFilter: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'string',
	default: '',
	placeholder: 'e.g. en',
	description: 'Only reviews written in this language (ISO 639-1 code)',
};

export const productReviewIdField: INodeProperties = {
	displayName: 'Product Review ID',
	name: 'reviewId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5f3b2c1a9d8e7f6a5b4c3d2e',
	description: 'The ID of the product review (the "ID" field of Get Many)',
};

export const conversationIdField: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	default: '',
	required: true,
	description:
		'The conversation of a product review (the "Conversation ID" field of Get Many with Source "Private")',
};

/** The text of a comment in a product review conversation (Reply, Update Comment). */
export function commentField(description: string): INodeProperties {
	return {
		displayName: 'Comment',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description,
	};
}

export const integrationIdOption: INodeProperties = {
	displayName: 'Integration ID',
	name: 'integrationId',
	type: 'string',
	default: '',
	description: 'Your own identifier for the system that wrote the comment',
};

/** The body of a comment: its text, plus the Integration ID option when given. */
export function readCommentBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject {
	const body: IDataObject = {
		content: requireTextParameter(ctx, itemIndex, 'content', 'Comment'),
	};
	const integrationId = readText(ctx, itemIndex, 'Options → Integration ID', options.integrationId);
	if (integrationId) body.integrationId = integrationId;
	return body;
}

// Conversation and comment ids are not documented as 24-hex object ids, so only reject what
// would break the URL path or is obviously not an id.
const PATH_SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function requirePathId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const id = requireText(ctx, itemIndex, field, value);
	if (!PATH_SAFE_ID.test(id)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${field}: "${id.slice(0, 40)}" is not a Trustpilot ID`,
			{
				itemIndex,
				description: `IDs contain only letters, digits, "-" and "_". Check the "${field}" parameter of item ${itemIndex + 1}.`,
			},
		);
	}
	return id;
}

export function readConversationId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requirePathId(
		ctx,
		itemIndex,
		'Conversation ID',
		ctx.getNodeParameter('conversationId', itemIndex),
	);
}

export function readProductReviewId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireIdParameter(ctx, itemIndex, 'reviewId', 'Product Review ID');
}

/** Reads a private product review; used to find the conversation a review already has. */
export async function getPrivateProductReview(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reviewId: string,
	qs?: IDataObject,
): Promise<IDataObject> {
	return await trustpilotJson(ctx, {
		method: 'GET',
		path: `/private/product-reviews/${reviewId}`,
		qs,
		access: 'private',
		itemIndex,
	});
}
