// Setup shared by the Business Unit test files: the file's emulator (read-only, so never reset)
// with its seeded account, and a runner for one businessUnit operation (API key unless told).
import type { INodeParameters } from 'n8n-workflow';

import { useReadOnlyEmulator, type ReadOnlyEnv } from '../../harness/readOnlyEmulator';
import type { EmulatorFixture } from '../../harness/fixtures';
import {
	byId,
	errorOf,
	runOperationAs,
	type OperationRun,
	type RunAsOptions,
} from '../../harness/operationRunner';

export type Run = OperationRun;

/** Starts this file's emulator; every operation here only reads, so one seeded state serves the file. */
export function useBusinessUnitEmulator(): ReadOnlyEnv {
	return useReadOnlyEmulator();
}

export async function runBusinessUnit(
	fixture: EmulatorFixture,
	operation: string,
	parameters: INodeParameters,
	options: RunAsOptions = {},
): Promise<Run> {
	return await runOperationAs(
		fixture,
		options.mode ?? 'apiKey',
		{ resource: 'businessUnit', operation, ...parameters },
		options,
	);
}

export { byId, errorOf };
