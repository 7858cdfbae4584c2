// Business Unit resource against the emulator: every operation's request (host, path, query)
// and output items, cursor and page pagination costs, and the private-data guard.
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { runNode, type RunResult } from '../../harness/engine';
import type { EmulatorInfo, LoggedRequest } from '../../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type AuthMode } from '../../harness/fixtures';

// Read-only operations: one seeded state serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;
let buId: string;

interface Run {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	requests: LoggedRequest[];
	allRequests: LoggedRequest[];
}

async function runBusinessUnit(
	operation: string,
	parameters: INodeParameters,
	options: {
		mode?: AuthMode;
		input?: IDataObject[];
		continueOnFail?: boolean;
		overrides?: ICredentialDataDecryptedObject;
	} = {},
): Promise<Run> {
	const credential = await trustpilotCredential(
		emulator,
		options.mode ?? 'apiKey',
		options.overrides ?? {},
	);
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource: 'businessUnit', operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail: options.continueOnFail,
		},
		options.input ?? [{}],
		credential.store,
	);
	const allRequests = await emulator.client.requests();
	return {
		result,
		items: result.output.map((item) => item.json),
		requests: allRequests.filter((request) => !request.path.includes('/oauth/')),
		allRequests,
	};
}

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

beforeAll(async () => {
	info = await emulator.client.info();
	buId = info.mainBusinessUnit.id;
});

describe('single business unit', () => {
	test('Find by domain and Get by ID return the same company', async () => {
		const found = await runBusinessUnit('find', { name: info.mainBusinessUnit.domain });
		expect(found.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/business-units/find',
		});
		expect(found.requests[0].query).toEqual({ name: info.mainBusinessUnit.domain });
		const got = await runBusinessUnit('get', { businessUnit: byId(buId) });
		expect(got.requests[0].path).toBe(`/v1/business-units/${buId}`);
		expect(found.items).toEqual(got.items);
		expect(got.items[0]).toMatchObject({
			id: buId,
			displayName: info.mainBusinessUnit.displayName,
		});
	});
});
