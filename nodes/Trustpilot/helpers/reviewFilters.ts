import type { INodeProperties } from 'n8n-workflow';

import { fieldError, readList, readOption, type NodeContext } from '../../shared/validate';

// Review filters that several review lists (service, consumer, product) take in the same form.

export const starsFilter: INodeProperties = {
	displayName: 'Stars',
	name: 'stars',
	type: 'multiOptions',
	default: [],
	options: [1, 2, 3, 4, 5].map((stars) => ({
		name: `${stars} Star${stars > 1 ? 's' : ''}`,
		value: stars,
	})),
	description: 'Only reviews with these star ratings',
};

/**
 * The chosen ratings as Trustpilot takes them, e.g. "1,4"; undefined when none. Sorted, so the
 * same choice always gives the same query. An expression may give a comma-separated text.
 */
export function starsQuery(
	ctx: NodeContext,
	itemIndex: number,
	value: unknown,
): string | undefined {
	const stars = readList(ctx, itemIndex, 'Stars', value);
	const invalid = stars.find((star) => !/^[1-5]$/.test(star));
	if (invalid !== undefined) {
		// The first line is what a model filling Stars with $fromAI reads.
		fieldError(
			ctx,
			itemIndex,
			'Stars',
			`use star ratings 1 to 5 separated by commas (e.g. 1,2), not "${invalid.slice(0, 20)}"`,
		);
	}
	return stars.length ? stars.sort((a, b) => Number(a) - Number(b)).join(',') : undefined;
}

export const reviewOrderByField: INodeProperties = {
	displayName: 'Order By',
	name: 'orderBy',
	type: 'options',
	default: 'createdat.desc',
	description: 'Order in which Trustpilot returns the reviews',
	options: [
		{ name: 'Newest First', value: 'createdat.desc' },
		{ name: 'Oldest First', value: 'createdat.asc' },
		{ name: 'Stars (High to Low)', value: 'stars.desc' },
		{ name: 'Stars (Low to High)', value: 'stars.asc' },
	],
};

const REVIEW_ORDERS = ['createdat.desc', 'createdat.asc', 'stars.desc', 'stars.asc'] as const;

/** Order By, one of its choices (an expression's " Stars.Desc " is stars.desc); empty is newest first. */
export function readReviewOrder(ctx: NodeContext, itemIndex: number, value: unknown): string {
	return readOption(ctx, itemIndex, 'Order By', value, REVIEW_ORDERS, 'createdat.desc');
}
