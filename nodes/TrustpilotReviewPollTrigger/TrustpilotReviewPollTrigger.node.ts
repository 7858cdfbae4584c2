import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchBusinessUnits } from '../shared/listSearch';
import { costHints } from './costHints';
import { pollTriggerProperties } from './description';
import { pollReviews } from './poll';

export class TrustpilotReviewPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustpilot Review Poll Trigger',
		name: 'trustpilotReviewPollTrigger',
		icon: {
			light: 'file:../../icons/trustpilot.svg',
			dark: 'file:../../icons/trustpilot.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["reviewType"] === "product" ? "Product reviews" : "Service reviews"}}',
		description:
			'Starts the workflow on new or updated Trustpilot reviews, checked on a schedule, with backfill',
		defaults: { name: 'Trustpilot Review Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trustpilotApi', required: true }],
		properties: pollTriggerProperties,
		hints: costHints,
	};

	methods = {
		listSearch: { searchBusinessUnits },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollReviews.call(this);
	}
}
