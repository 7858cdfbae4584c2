// Helpers shared by the service-review test files: run the Trustpilot node for the
// serviceReview resource against the file's emulator and read the emulator's request log.
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	IPairedItemData,
} from 'n8n-workflow';

import { runNode, type RunResult } from '../harness/engine';
import type { EmulatorInfo, LoggedRequest } from '../harness/emulatorClient';
import { trustpilotCredential, type AuthMode, type EmulatorFixture } from '../harness/fixtures';

export interface ReviewRun {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	/** Requests the emulator received during the run (token requests left out). */
	requests: LoggedRequest[];
}

export interface RunOptions {
	mode?: AuthMode;
	input?: IDataObject[];
	continueOnFail?: boolean;
	credentialOverrides?: ICredentialDataDecryptedObject;
}

/** Runs one serviceReview operation; the request log is cleared first so it shows this run only. */
export async function runServiceReview(
	fixture: EmulatorFixture,
	operation: string,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<ReviewRun> {
	const credential = await trustpilotCredential(
		fixture,
		options.mode ?? 'clientCredentials',
		options.credentialOverrides ?? {},
	);
	await fixture.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource: 'serviceReview', operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail: options.continueOnFail,
		},
		options.input ?? [{}],
		credential.store,
	);
	const requests = (await fixture.client.requests()).filter(
		(request) => !request.path.includes('/oauth/'),
	);
	return { result, items: result.output.map((item) => item.json), requests };
}

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** A fresh review with known content on the main business unit (created "now" by the emulator). */
export async function addKnownReview(
	fixture: EmulatorFixture,
	info: EmulatorInfo,
	extra: { tags?: Array<{ group: string; value: string }>; locationId?: string } = {},
): Promise<IDataObject> {
	const stamp = Math.random().toString(36).slice(2, 8);
	const created = await fixture.client.addReviews({
		businessUnitId: info.mainBusinessUnit.id,
		stars: 2,
		language: 'en',
		title: `Parcel late ${stamp}`,
		text: `The parcel arrived a week late (${stamp}).`,
		referenceId: `ORD-T-${stamp}`,
		email: `buyer.${stamp}@mail.example.net`,
		...extra,
	});
	return created.reviews[0] as IDataObject;
}

/** The message of the error a run stopped with, or of the node's recorded error. */
export function errorOf(run: ReviewRun): Error | undefined {
	return run.result.error ?? run.result.nodeError('Trustpilot');
}

/** The input item index each output item is paired with. */
export function pairedIndexes(run: ReviewRun): number[] {
	return run.result.output.map((item) => (item.pairedItem as IPairedItemData).item);
}
