import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { continueOnFailItem } from '../../shared/trustpilotError';
import { requireAccess, getTrustpilotCredentials } from '../transport';
import { resources } from './index';
import type { TrustpilotOperation } from './types';

/** Checks the operation's declared needs against the credential before anything is sent. */
async function refuseWhatTheCredentialCannotDo(
	ctx: IExecuteFunctions,
	operation: TrustpilotOperation,
	itemIndex: number,
): Promise<void> {
	const access =
		typeof operation.access === 'function'
			? operation.access.call(ctx, itemIndex)
			: operation.access;
	if (access === 'public' && !operation.businessUserHeader) return;
	const credentials = await getTrustpilotCredentials(ctx);
	requireAccess(
		ctx,
		{ access, businessUserHeader: operation.businessUserHeader },
		credentials,
		itemIndex,
	);
}

/**
 * Runs the chosen operation once per input item. A failing item becomes an error item when
 * "On Error" is set to continue, so the remaining items are still processed.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const handler = resources[resource]?.operations[operation];
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not supported for "${resource}"`,
					{ itemIndex },
				);
			}
			await refuseWhatTheCredentialCannotDo(this, handler, itemIndex);
			const result = await handler.execute.call(this, itemIndex);
			const json = Array.isArray(result) ? result : [result];
			const produced = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), {
				itemData: { item: itemIndex },
			});
			// One push per item: spreading a Return All of 250,000 reviews into push() overflows the stack.
			for (const item of produced) output.push(item);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(continueOnFailItem(error as Error, itemIndex));
				continue;
			}
			if (error instanceof NodeApiError) {
				// Wrapping an existing NodeApiError returns it unchanged, so set the item first.
				if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [output];
}
