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
