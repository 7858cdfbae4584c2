// Setup shared by the Product test files: the file's emulator, reset before every test (Create or
// Update writes the catalogue), its seeded account, and a runner for one product operation.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EmulatorInfo, JsonObject } from '../../harness/emulatorClient';
import {
	trustpilotCredential,
	useEmulator,
	type EmulatorFixture,
	type TestCredential,
} from '../../harness/fixtures';
import { byId, runOperation, type OperationRun } from '../../harness/operationRunner';

export interface ProductEnv {
	emulator: EmulatorFixture;
	info: EmulatorInfo;
	/** The main business unit of the seed. */
	buId: string;
	clientCredentials: TestCredential;
}

/** Starts this file's emulator; before every test, reads the seeded account and builds a token credential. */
export function useProductEmulator(): ProductEnv {
	const env = { emulator: useEmulator() } as ProductEnv;
	beforeEach(async () => {
		env.info = await env.emulator.client.info();
		env.buId = env.info.mainBusinessUnit.id;
		env.clientCredentials = await trustpilotCredential(env.emulator, 'clientCredentials');
	});
	return env;
}

export type Run = OperationRun;

/** Runs one product operation on the main business unit (Client Credentials unless told). */
export async function runProduct(
	env: ProductEnv,
	operation: string,
	parameters: INodeParameters,
	options: { credential?: TestCredential; input?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<Run> {
	return await runOperation(
		env.emulator,
		options.credential ?? env.clientCredentials,
		{ resource: 'product', operation, businessUnit: byId(env.buId), ...parameters },
		{ input: options.input, continueOnFail: options.continueOnFail },
	);
}

/** The catalogue as the emulator stores it now. */
export const catalogue = async (env: ProductEnv): Promise<JsonObject[]> =>
	(await env.emulator.client.state()).products;

export const productsPath = (env: ProductEnv) => `/v1/private/business-units/${env.buId}/products`;
