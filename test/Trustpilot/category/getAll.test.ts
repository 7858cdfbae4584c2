// Consumer and Category resources against the emulator: request paths and queries, items
// produced, page-link pagination costs and input checks.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult } from '../../harness/engine';
import type { LoggedRequest } from '../../harness/emulatorClient';
import { trustpilotCredential, useEmulator } from '../../harness/fixtures';

// Read-only operations: one seeded state (plus the reviews added below) serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });

interface Run {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	requests: LoggedRequest[];
}

async function run(
	resource: string,
	operation: string,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	continueOnFail = false,
): Promise<Run> {
	const credential = await trustpilotCredential(emulator, 'apiKey');
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource, operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail,
		},
		input,
		credential.store,
	);
	return {
		result,
		items: result.output.map((item) => item.json),
		requests: await emulator.client.requests(),
	};
}

const errorOf = (done: Run) => done.result.error ?? done.result.nodeError('Trustpilot');

beforeAll(async () => {});

describe('Category', () => {
	test('Get Many: top-level categories, or the children of a parent', async () => {
		const top = await run('category', 'getAll', { returnAll: true });
		expect(errorOf(top)).toBeUndefined();
		expect(top.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/categories',
			query: {},
		});
		expect(top.items.map((category) => category.categoryId)).toContain('shopping_fashion');
		expect(top.items.length).toBeGreaterThan(3);

		const children = await run('category', 'getAll', {
			returnAll: false,
			limit: 2,
			options: { parentId: 'shopping_fashion', country: 'gb', locale: 'en-GB' },
		});
		expect(children.requests).toHaveLength(1);
		expect(children.requests[0].query).toEqual({
			parentId: 'shopping_fashion',
			country: 'GB',
			locale: 'en-GB',
		});
		expect(children.items).toHaveLength(2);
		expect(children.items.map((category) => category.categoryId)).toEqual([
			'clothing_store',
			'shoe_store',
		]);
	});
});
