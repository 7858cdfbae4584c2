// Setup shared by the Category test files: the file's emulator (read-only, so never reset) and a
// runner for one category operation with an API-key credential (all of it is public).
import { errorOf, publicResourceRunner } from '../../harness/operationRunner';
import { useReadOnlyEmulator, type ReadOnlyEnv } from '../../harness/readOnlyEmulator';

/** Starts this file's emulator; every operation here only reads, so one seeded state serves the file. */
export function useCategoryEmulator(): ReadOnlyEnv {
	return useReadOnlyEmulator();
}

export const runCategory = publicResourceRunner('category');

export { errorOf };
