import type { IExecuteFunctions } from 'n8n-workflow';

import { fieldError, readList } from '../../shared/validate';

// The action node reads its parameters through the shared core (nodes/shared/validate.ts).
export {
	readList,
	readText,
	readNumber,
	requireEmail,
	requireHttpUrl,
	requireId,
	requireText,
	parseUtcDate,
	toTrustpilotDateTime,
} from '../../shared/validate';

const fail = fieldError;

/** Tags must not contain spaces (Trustpilot rejects them); accepts an array or a comma-separated string. */
export function parseTags(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string[] {
	const tags = readList(ctx, itemIndex, field, value);
	const bad = tags.find((tag) => /\s/.test(tag));
	if (bad !== undefined)
		fail(
			ctx,
			itemIndex,
			field,
			`the tag "${bad}" contains a space`,
			'Trustpilot tags cannot contain spaces; use e.g. "order-2024" instead.',
		);
	return tags;
}
