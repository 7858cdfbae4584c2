// Helpers shared by the service-review test files: run the Trustpilot node for the
// serviceReview resource against the file's emulator and read the emulator's request log.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import {
	byId,
	errorOf,
	pairedIndexes,
	runOperation,
	type OperationRun,
} from '../../harness/operationRunner';
import type { EmulatorInfo } from '../../harness/emulatorClient';
import { trustpilotCredential, type AuthMode, type EmulatorFixture } from '../../harness/fixtures';

export type ReviewRun = OperationRun;

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
	return await runOperation(
		fixture,
		credential,
		{ resource: 'serviceReview', operation, ...parameters },
		{ input: options.input, continueOnFail: options.continueOnFail },
	);
}

export { byId, errorOf, pairedIndexes };

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
