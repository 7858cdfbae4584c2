import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitReference, resolveBusinessUnitId } from '../../shared/businessUnit';
import { readBoolean, readNumber, readOption } from '../../shared/validate';

/**
 * Per-execution state: the domains this execution already resolved (keyed by the execution's
 * context, so it ends with the execution), so a hundred items "By Domain" cost one lookup.
 */
const domainsResolvedInExecution = new WeakMap<object, Record<string, string>>();

/** Reads the business unit locator of an item; a domain is resolved once per execution. */
export async function readBusinessUnitId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'businessUnit',
): Promise<string> {
	let knownDomains = domainsResolvedInExecution.get(ctx);
	if (!knownDomains) domainsResolvedInExecution.set(ctx, (knownDomains = {}));
	return await resolveBusinessUnitId(
		ctx,
		readBusinessUnitReference(ctx.getNodeParameter(parameterName, itemIndex)),
		{ field: 'Business Unit', itemIndex, knownDomains },
	);
}

/** Most items one AI tool call may return: more would flood the model's context. */
export const MAX_TOOL_CALL_ITEMS = 100;

/** Whether the node runs as an AI tool (n8n's generated `…Tool` variant), for an agent or MCP client. */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/**
 * Reads Return All / Limit: undefined means "everything". The Limit must be a whole number of at
 * least 1 (a model filling it with $fromAI may pick 0, -1 or 2.5); as an AI tool at most 100 and
 * never Return All, so one tool call cannot pull thousands of records into a model's context.
 */
export function readListLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const asTool = runsAsTool(ctx);
	if (
		readBoolean(
			ctx,
			itemIndex,
			'Return All',
			ctx.getNodeParameter('returnAll', itemIndex, false),
			false,
		)
	) {
		if (!asTool) return undefined;
		throw new NodeOperationError(
			ctx.getNode(),
			'Return All: turn it off when the node is an AI tool',
			{
				itemIndex,
				description: `A tool call returns at most ${MAX_TOOL_CALL_ITEMS} items; set Limit instead (e.g. with $fromAI).`,
			},
		);
	}
	return readLimit(ctx, itemIndex, asTool ? MAX_TOOL_CALL_ITEMS : undefined);
}

/**
 * The Limit parameter as a whole number from 1 to `max`, read by the shared number rule so the
 * error's first line names Limit and the range (the line a model reads first).
 */
/**
 * The Source of an item (Service Review Get / Get Many, Product Review Get Many): one of its
 * choices, public unless set; an expression's "Private" is the private view, never silently the
 * public one.
 */
export function readSource(ctx: IExecuteFunctions, itemIndex: number): 'private' | 'public' {
	const source = ctx.getNodeParameter('source', itemIndex, 'public');
	return readOption(ctx, itemIndex, 'Source', source, ['private', 'public'] as const, 'public');
}

/** The Simplify switch of an item (on unless set off), read by the shared switch rule. */
export function readSimplify(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return readBoolean(
		ctx,
		itemIndex,
		'Simplify',
		ctx.getNodeParameter('simplify', itemIndex, true),
		true,
	);
}

export function readLimit(ctx: IExecuteFunctions, itemIndex: number, max?: number): number {
	return readNumber(ctx, itemIndex, 'Limit', ctx.getNodeParameter('limit', itemIndex, 50), {
		min: 1,
		max,
		integer: true,
	});
}
