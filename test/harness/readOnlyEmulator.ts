// The emulator of a test file whose operations only read: started once and never reset (a reset
// re-seeds thousands of reviews), with the seeded account read before the first test.
import type { EmulatorInfo } from './emulatorClient';
import { useEmulator, type EmulatorFixture } from './fixtures';

export interface ReadOnlyEnv {
	emulator: EmulatorFixture;
	/** The seeded account (set before the first test). */
	info: EmulatorInfo;
	/** The main business unit of the seed. */
	buId: string;
}

export function useReadOnlyEmulator(): ReadOnlyEnv {
	const env = { emulator: useEmulator({ resetBeforeEach: false }) } as ReadOnlyEnv;
	beforeAll(async () => {
		env.info = await env.emulator.client.info();
		env.buId = env.info.mainBusinessUnit.id;
	});
	return env;
}
