// Setup shared by the invitation test files: the file's emulator, a runner for the invitation
// resource that reports the requests of a run and the emulator records it added, and the
// parameters of a typical service invitation.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { CredentialStore } from '../../harness/credentials';
import {
	byId,
	errorOf,
	runOperation,
	type OperationRun,
	type RunAsOptions,
} from '../../harness/operationRunner';
import type { EmulatorInfo, EmulatorStateSnapshot, JsonObject } from '../../harness/emulatorClient';
import {
	trustpilotCredential,
	useEmulator,
	type AuthMode,
	type EmulatorFixture,
	type TestCredential,
} from '../../harness/fixtures';

export interface InvitationEnv {
	emulator: EmulatorFixture;
	info: EmulatorInfo;
	/** The main business unit of the seed. */
	buId: string;
	/** One credential per setting, reused like n8n reuses a saved credential (and its token). */
	credentials: Map<string, TestCredential>;
}

/**
 * Starts this file's emulator. No reset between tests (a reset re-seeds thousands of reviews):
 * each run reports the records it added, and faults are cleared after every test.
 */
export function useInvitationEmulator(): InvitationEnv {
	const env = {
		emulator: useEmulator({ resetBeforeEach: false }),
		credentials: new Map(),
	} as InvitationEnv;
	beforeAll(async () => {
		env.info = await env.emulator.client.info();
		env.buId = env.info.mainBusinessUnit.id;
	});
	afterEach(async () => {
		await env.emulator.client.clearFaults();
	});
	return env;
}

export async function credentialFor(
	env: InvitationEnv,
	mode: AuthMode,
	overrides: ICredentialDataDecryptedObject = {},
): Promise<TestCredential> {
	const key = `${mode} ${JSON.stringify(overrides)}`;
	let credential = env.credentials.get(key);
	if (!credential) {
		credential = await trustpilotCredential(env.emulator, mode, overrides, new CredentialStore());
		env.credentials.set(key, credential);
	}
	return credential;
}

type RecordKind =
	| 'emailInvitations'
	| 'invitationLinks'
	| 'productInvitationLinks'
	| 'invitationDataDeletions';
const RECORD_KINDS: RecordKind[] = [
	'emailInvitations',
	'invitationLinks',
	'productInvitationLinks',
	'invitationDataDeletions',
];

export interface Run extends OperationRun {
	/** Emulator records this run created. */
	added: Record<RecordKind, JsonObject[]>;
	/** Emulator state after the run. */
	state: EmulatorStateSnapshot;
}

export async function runInvitation(
	env: InvitationEnv,
	operation: string,
	parameters: INodeParameters,
	options: RunAsOptions = {},
): Promise<Run> {
	const credential = await credentialFor(
		env,
		options.mode ?? 'clientCredentials',
		options.overrides,
	);
	const before = await env.emulator.client.state();
	const run = await runOperation(
		env.emulator,
		credential,
		{ resource: 'invitation', operation, ...parameters },
		{ input: options.input, continueOnFail: options.continueOnFail },
	);
	const state = await env.emulator.client.state();
	const added = {} as Record<RecordKind, JsonObject[]>;
	for (const kind of RECORD_KINDS) {
		const known = new Set(before[kind].map((record) => JSON.stringify(record)));
		added[kind] = state[kind].filter((record) => !known.has(JSON.stringify(record)));
	}
	return { ...run, added, state };
}

export { byId, errorOf };
export const invitationsPath = (env: InvitationEnv, suffix: string) =>
	`/v1/private/business-units/${env.buId}/${suffix}`;

export const serviceInvitation = (
	env: InvitationEnv,
	overrides: INodeParameters = {},
): INodeParameters => ({
	businessUnit: byId(env.buId),
	consumerEmail: 'jane.doe@mail.example.net',
	consumerName: 'Jane Doe',
	referenceNumber: 'ORDER-1001',
	invitationType: 'service',
	...overrides,
});
