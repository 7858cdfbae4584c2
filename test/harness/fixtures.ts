import type { ICredentialDataDecryptedObject, INodeCredentials } from 'n8n-workflow';

import { CredentialStore } from './credentials';
import { startEmulator, type EmulatorHandle } from './emulator.cjs';
import { EmulatorClient, type EmulatorInfo } from './emulatorClient';

export type AuthMode = 'apiKey' | 'clientCredentials' | 'password';

export interface EmulatorFixture {
	handle: EmulatorHandle;
	client: EmulatorClient;
	/** What the last reset returned (set before every test when resetting). */
	info: EmulatorInfo;
}

/**
 * Starts one emulator (its own process, random ports) for the test file and stops it after.
 * Each test starts from the seeded state: the emulator is reset before every test.
 */
export function useEmulator(
	options: { resetBeforeEach?: boolean; resetWith?: Parameters<EmulatorClient['reset']>[0] } = {},
): EmulatorFixture {
	const fixture = {} as EmulatorFixture;
	beforeAll(async () => {
		fixture.handle = await startEmulator();
		fixture.client = new EmulatorClient(fixture.handle.adminUrl);
	});
	if (options.resetBeforeEach !== false) {
		beforeEach(async () => {
			fixture.info = await fixture.client.reset(options.resetWith);
		});
	}
	afterAll(async () => {
		await fixture.handle?.stop();
	});
	return fixture;
}

export interface TestCredential {
	store: CredentialStore;
	/** Goes into a node's `credentials`. */
	credentials: INodeCredentials;
	/** The stored data now (tokens included), as n8n's database would hold it. */
	data(): ICredentialDataDecryptedObject;
}

/** A `trustpilotApi` credential in the given mode, pointing at the emulator (Custom environment). */
export async function trustpilotCredential(
	fixture: EmulatorFixture,
	mode: AuthMode,
	overrides: ICredentialDataDecryptedObject = {},
	store: CredentialStore = new CredentialStore(),
): Promise<TestCredential> {
	const info = await fixture.client.info();
	const id = `trustpilot-${mode}`;
	const data: ICredentialDataDecryptedObject = {
		environment: 'custom',
		apiBaseUrl: fixture.handle.apiUrl,
		invitationsBaseUrl: fixture.handle.invitationsUrl,
		apiKey: info.account.apiKey,
		apiSecret: info.account.apiSecret,
		authentication: mode,
		businessUserId: mode === 'clientCredentials' ? info.account.businessUser.id : '',
		username: mode === 'password' ? info.account.businessUser.email : '',
		password: mode === 'password' ? info.account.businessUser.password : '',
		...overrides,
	};
	const ref = store.add({ id, name: `Trustpilot (${mode})`, type: 'trustpilotApi', data });
	return {
		store,
		credentials: { trustpilotApi: ref },
		data: () => store.data(id),
	};
}
