import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { trustpilotJson } from '../../nodes/Trustpilot/transport';

/** Stand-in for n8n's Manual Trigger: emits the items given in its `items` parameter. */
export class TestTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Trigger',
		name: 'testTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts a test workflow with fixed items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const raw = this.getNodeParameter('items', '[{}]') as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return {
			manualTriggerFunction: async () => {
				this.emit([this.helpers.returnJsonArray(items)]);
			},
		};
	}
}

export const TEST_TRIGGER_TYPE = 'test.trigger';

/**
 * Calls one Trustpilot endpoint through the package's real transport and credential, so the
 * credential tests do not depend on any particular operation of the action node.
 */
export class TrustpilotProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustpilot Probe',
		name: 'trustpilotProbe',
		group: ['transform'],
		version: 1,
		description: 'Test-only: one raw Trustpilot request per item',
		defaults: { name: 'Probe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trustpilotApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/resources/metadata/locales' },
			{ displayName: 'Access', name: 'access', type: 'string', default: 'public' },
			{ displayName: 'Host', name: 'host', type: 'string', default: 'api' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const body = await trustpilotJson(this, {
				method: 'GET',
				path: this.getNodeParameter('path', itemIndex) as string,
				access: this.getNodeParameter('access', itemIndex) as 'public' | 'private',
				host: this.getNodeParameter('host', itemIndex) as 'api' | 'invitations',
				itemIndex,
			});
			output.push({ json: body, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}

export const TRUSTPILOT_PROBE_TYPE = 'test.trustpilotProbe';
