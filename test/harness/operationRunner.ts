// The one way tests run an action-node operation: a real workflow through n8n-core's engine
// against the emulator, with the emulator's request log cleared first so it shows this run only.
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	IPairedItemData,
} from 'n8n-workflow';

import { runNode, type RunResult } from './engine';
import type { LoggedRequest } from './emulatorClient';
import {
	trustpilotCredential,
	type AuthMode,
	type EmulatorFixture,
	type TestCredential,
} from './fixtures';

export interface OperationRun {
	result: RunResult & { output: INodeExecutionData[] };
	/** The output items' JSON. */
	items: IDataObject[];
	/** The error the run stopped with, or the node's own recorded error. */
	error: Error | undefined;
	/** API requests of this run (token requests left out). */
	requests: LoggedRequest[];
	/** Every request of this run, token requests included. */
	allRequests: LoggedRequest[];
	tokenRequests: number;
}

export interface OperationRunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** Another node type than the action node (a trigger's bad-input run, for instance). */
	type?: string;
}

const isTokenRequest = (entry: LoggedRequest) => entry.path.includes('/oauth/');

/**
 * Runs the node once with `parameters` (resource and operation included) and `credential`
 * (none: the node runs without one).
 */
export async function runOperation(
	fixture: EmulatorFixture,
	credential: TestCredential | undefined,
	parameters: INodeParameters,
	options: OperationRunOptions = {},
): Promise<OperationRun> {
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
	const allRequests = await fixture.client.requests();
	const ranNode = result.run.data.resultData.runData.Trustpilot !== undefined;
	return {
		result,
		items: result.output.map((item) => item.json),
		error: result.error ?? (ranNode ? result.nodeError('Trustpilot') : undefined),
		requests: allRequests.filter((entry) => !isTokenRequest(entry)),
		allRequests,
		tokenRequests: allRequests.filter(isTokenRequest).length,
	};
}

/** How a resource's runner runs an operation: the credential's kind and fields, the input items. */
export interface RunAsOptions {
	mode?: AuthMode;
	input?: IDataObject[];
	continueOnFail?: boolean;
	overrides?: ICredentialDataDecryptedObject;
}

/** Runs the node with a fresh credential of the given kind (`overrides` change its fields). */
export async function runOperationAs(
	fixture: EmulatorFixture,
	mode: AuthMode,
	parameters: INodeParameters,
	options: OperationRunOptions & { overrides?: ICredentialDataDecryptedObject } = {},
): Promise<OperationRun> {
	const credential = await trustpilotCredential(fixture, mode, options.overrides ?? {});
	return await runOperation(fixture, credential, parameters, options);
}

/** A runner for an all-public resource (Category, Consumer): one operation with an API-key credential. */
export function publicResourceRunner(resource: string) {
	return async (
		fixture: EmulatorFixture,
		operation: string,
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
		continueOnFail = false,
	): Promise<OperationRun> =>
		await runOperationAs(
			fixture,
			'apiKey',
			{ resource, operation, ...parameters },
			{ input, continueOnFail },
		);
}

/** A resource-locator value in "By ID" mode. */
export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** The error a run stopped with, or the node's recorded error. */
export function errorOf(run: OperationRun): Error | undefined {
	return run.error;
}

/** The input item index each output item is paired with. */
export function pairedIndexes(run: OperationRun): number[] {
	return run.result.output.map((item) => (item.pairedItem as IPairedItemData).item);
}
