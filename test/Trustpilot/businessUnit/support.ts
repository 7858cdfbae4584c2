// The Business Unit tests' runner: one businessUnit operation, with an API key unless told.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { AuthMode, EmulatorFixture } from '../../harness/fixtures';
import { byId, errorOf, runOperationAs, type OperationRun } from '../../harness/operationRunner';

export type Run = OperationRun;

export async function runBusinessUnit(
	fixture: EmulatorFixture,
	operation: string,
	parameters: INodeParameters,
	options: {
		mode?: AuthMode;
		input?: IDataObject[];
		continueOnFail?: boolean;
		overrides?: ICredentialDataDecryptedObject;
	} = {},
): Promise<Run> {
	return await runOperationAs(
		fixture,
		options.mode ?? 'apiKey',
		{ resource: 'businessUnit', operation, ...parameters },
		options,
	);
}

export { byId, errorOf };
