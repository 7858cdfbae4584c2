// Setup shared by the service-review test files: the file's emulator (reset before every test)
// and its seeded account, a runner for the serviceReview resource that reads the emulator's
// request log, and reviews with known content to run on.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import {
	byId,
	errorOf,
	pairedIndexes,
	runOperation,
	type OperationRun,
} from '../../harness/operationRunner';
import type { EmulatorInfo } from '../../harness/emulatorClient';
import {
	trustpilotCredential,
	useEmulator,
	type AuthMode,
	type EmulatorFixture,
} from '../../harness/fixtures';

export type ReviewRun = OperationRun;

export interface ServiceReviewEnv {
	emulator: EmulatorFixture;
	/** The seeded account (read before the first test; a reset keeps its IDs). */
	info: EmulatorInfo;
}

/** Starts this file's emulator, reset before every test, and reads the seeded account once. */
export function useServiceReviewEmulator(): ServiceReviewEnv {
	const env = { emulator: useEmulator() } as ServiceReviewEnv;
	beforeAll(async () => {
		env.info = await env.emulator.client.info();
	});
	return env;
}

/** A review as the emulator stores it (private fields, reply and tags included). */
export const storedReview = async (env: ServiceReviewEnv, id: unknown) =>
	await env.emulator.client.getReview(String(id));

/** The Tags parameter for `[group, value]` pairs. */
export const tagsParameter = (...pairs: Array<[string, string]>) => ({
	tag: pairs.map(([group, value]) => ({ group, value })),
});

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
