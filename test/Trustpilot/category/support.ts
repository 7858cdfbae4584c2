// Setup shared by the Category test files: the file's emulator (read-only, so never reset) and a
// runner for one category operation with an API-key credential (all of it is public).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EmulatorFixture } from '../../harness/fixtures';
import { errorOf, runPublicOperation, type OperationRun } from '../../harness/operationRunner';
import { useReadOnlyEmulator, type ReadOnlyEnv } from '../../harness/readOnlyEmulator';

/** Starts this file's emulator; every operation here only reads, so one seeded state serves the file. */
export function useCategoryEmulator(): ReadOnlyEnv {
	return useReadOnlyEmulator();
}

export async function runCategory(
	fixture: EmulatorFixture,
	operation: string,
	parameters: INodeParameters,
	input?: IDataObject[],
	continueOnFail?: boolean,
): Promise<OperationRun> {
	return await runPublicOperation(
		fixture,
		'category',
		operation,
		parameters,
		input,
		continueOnFail,
	);
}

export { errorOf };
