import type { INodeParameters } from 'n8n-workflow';

import { runOperation, type OperationRun } from '../../harness/operationRunner';

// The fault suites call the harness's one operation runner by the names they grew up with.
export type NodeRun = OperationRun;
export const runTrustpilot = runOperation;

/** Everything a user reads about an error: message, description and the Trustpilot details. */
export function errorText(error: unknown): string {
	if (!error) return '';
	const parts = error as { message?: unknown; description?: unknown };
	return [parts.message, parts.description].filter((part) => typeof part === 'string').join('\n');
}

/** Service Review › Get Many of a business unit: Return All over the private list, raw items. */
export const returnAllReviews = (businessUnitId: string): INodeParameters => ({
	resource: 'serviceReview',
	operation: 'getAll',
	businessUnit: { __rl: true, mode: 'id', value: businessUnitId },
	source: 'private',
	returnAll: true,
	simplify: false,
});
