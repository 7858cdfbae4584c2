import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT } from '../../helpers/descriptions';
import { simplifyServiceReview } from '../../../shared/simplify';
import { requireId } from '../../helpers/validation';

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
export function getReviewId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireId(ctx, itemIndex, 'Review ID', ctx.getNodeParameter('reviewId', itemIndex));
}

export function isPrivate(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return (ctx.getNodeParameter('source', itemIndex, 'public') as string) === 'private';
}

/** Applies the Simplify toggle of an item to a list of raw reviews. */
export function shapeReviews(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reviews: IDataObject[],
): IDataObject[] {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? reviews.map((review) => simplifyServiceReview(review)) : reviews;
}
