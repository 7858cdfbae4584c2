import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceProperties, resourceSelector } from './actions';
import { router } from './actions/router';
import { searchBusinessUnits } from '../shared/listSearch';
import { getTemplates } from './methods/loadOptions';

export class Trustpilot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustpilot',
		name: 'trustpilot',
		icon: {
			light: 'file:../../icons/trustpilot.svg',
			dark: 'file:../../icons/trustpilot.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and answer Trustpilot reviews, send invitations and look up business units',
		defaults: { name: 'Trustpilot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trustpilotApi', required: true }],
		properties: [resourceSelector, ...resourceProperties],
	};

	methods = {
		listSearch: { searchBusinessUnits },
		loadOptions: { getTemplates },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
