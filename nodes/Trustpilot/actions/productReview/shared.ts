import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId, requireText } from '../../helpers/validation';
import { trustpilotJson } from '../../transport';

/** Trustpilot's documented maximum page sizes for these lists. */
export const PRODUCT_REVIEWS_PER_PAGE = 100;
export const SUMMARIES_PER_PAGE = 1000;

export const PRIVATE_HINT =
	'Needs Client Credentials or Business User Login in the Trustpilot credential';

export const reviewIdField: INodeProperties = {
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

export function readReviewId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireId(
		ctx,
		itemIndex,
		'Product Review ID',
		ctx.getNodeParameter('reviewId', itemIndex),
	);
}

/** SKUs as Trustpilot takes them: comma-separated, no blanks. Accepts an array from an expression too. */
export function parseSkus(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return list.map((sku) => sku.trim()).filter((sku) => sku !== '');
}

export function requireHttpUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const text = requireText(ctx, itemIndex, field, value);
	let ok = false;
	try {
		ok = ['http:', 'https:'].includes(new URL(text).protocol);
	} catch {
		ok = false;
	}
	if (!ok) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${field}: "${text.slice(0, 80)}" is not a web address`,
			{
				itemIndex,
				description: `Use a full address starting with https://. Check the "${field}" parameter of item ${itemIndex + 1}.`,
			},
		);
	}
	return text;
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
