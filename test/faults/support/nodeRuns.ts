import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult } from '../../harness/engine';
import type { LoggedRequest } from '../../harness/emulatorClient';
import type { EmulatorFixture, TestCredential } from '../../harness/fixtures';

export interface NodeRun {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	/** The error the run stopped with, or the node's own recorded error. */
	error: Error | undefined;
	/** API requests of this run (token requests left out). */
	requests: LoggedRequest[];
	tokenRequests: number;
}

/** Runs the Trustpilot node once; the emulator's request log is cleared first. */
export async function runTrustpilot(
	fixture: EmulatorFixture,
	credential: TestCredential | undefined,
	parameters: INodeParameters,
	options: { input?: IDataObject[]; continueOnFail?: boolean; type?: string } = {},
): Promise<NodeRun> {
	await fixture.client.clearRequests();
	const result = await runNode(
		{
			type: options.type ?? 'trustpilot',
			parameters,
			credentials: credential?.credentials,
			continueOnFail: options.continueOnFail,
		},
		options.input ?? [{}],
		credential?.store,
	);
	const log = await fixture.client.requests();
	const ranNode = result.run.data.resultData.runData.Trustpilot !== undefined;
	return {
		result,
		items: result.output.map((item) => item.json),
		error: result.error ?? (ranNode ? result.nodeError('Trustpilot') : undefined),
		requests: log.filter((entry) => !entry.path.includes('/oauth/')),
		tokenRequests: log.filter((entry) => entry.path.includes('/oauth/')).length,
	};
}

/** Everything a user reads about an error: message, description and the Trustpilot details. */
export function errorText(error: unknown): string {
	if (!error) return '';
	const parts = error as { message?: unknown; description?: unknown };
	return [parts.message, parts.description].filter((part) => typeof part === 'string').join('\n');
}
