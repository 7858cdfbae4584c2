// The Category tests' runner: one category operation with an API-key credential (all of it is public).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EmulatorFixture } from '../../harness/fixtures';
import { errorOf, runOperationAs, type OperationRun } from '../../harness/operationRunner';

export async function runCategory(
	fixture: EmulatorFixture,
	operation: string,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	continueOnFail = false,
): Promise<OperationRun> {
	return await runOperationAs(
		fixture,
		'apiKey',
		{ resource: 'category', operation, ...parameters },
		{ input, continueOnFail },
	);
}

export { errorOf };
