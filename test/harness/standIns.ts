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

/**
 * Tiny stand-ins for the n8n built-in nodes our example workflows use, registered under the
 * built-in type names so the example JSON files run unchanged in engine tests. They mimic only
 * the parameters the examples use.
 */

/** Like n8n's Manual Trigger: one empty item. */
class ManualTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger (stand-in)',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow with one empty item',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return {
			manualTriggerFunction: async () => {
				this.emit([[{ json: {} }]]);
			},
		};
	}
}

interface Assignment {
	name: string;
	value: unknown;
	type?: string;
}

function convert(assignment: Assignment): unknown {
	const { value, type } = assignment;
	if (type === 'number') return Number(value);
	if (type === 'boolean') return value === true || value === 'true';
	if ((type === 'array' || type === 'object') && typeof value === 'string')
		return JSON.parse(value) as unknown;
	return value;
}

/** Like n8n's Edit Fields (Set) v3.3+ in "manual" mode without "include other fields". */
class SetStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Edit Fields (stand-in)',
		name: 'set',
		group: ['input'],
		version: [3, 3.1, 3.2, 3.3, 3.4],
		description: 'Sets the assigned fields on each item',
		defaults: { name: 'Edit Fields' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Fields to Set',
				name: 'assignments',
				type: 'assignmentCollection',
				default: {},
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_item, itemIndex) => {
				const assignments = this.getNodeParameter(
					'assignments.assignments',
					itemIndex,
					[],
				) as Assignment[];
				const json: IDataObject = {};
				for (const assignment of assignments)
					json[assignment.name] = convert(assignment) as IDataObject[string];
				return { json, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

export interface CapturedEmail {
	from: string;
	to: string;
	subject: string;
	text?: string;
	html?: string;
	/** Name of the SMTP credential the real node would have used. */
	smtpCredential?: string;
}

/**
 * Like n8n's Send Email v2/v2.1 "send", except that it records the message in `outbox`.
 * (A closure, not a field: n8n calls `execute` with its own `this`.)
 */
function emailSendStandIn(outbox: CapturedEmail[]): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Send Email (stand-in)',
		name: 'emailSend',
		group: ['output'],
		version: [2, 2.1],
		description: 'Captures the emails it would send',
		defaults: { name: 'Send Email' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'From Email', name: 'fromEmail', type: 'string', default: '' },
			{ displayName: 'To Email', name: 'toEmail', type: 'string', default: '' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{
				displayName: 'Email Format',
				name: 'emailFormat',
				type: 'options',
				options: [
					{ name: 'Both', value: 'both' },
					{ name: 'HTML', value: 'html' },
					{ name: 'Text', value: 'text' },
				],
				default: 'html',
			},
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			{ displayName: 'HTML', name: 'html', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const smtpCredential = this.getNode().credentials?.smtp?.name;
		return [
			this.getInputData().map((_item, itemIndex) => {
				const format = this.getNodeParameter('emailFormat', itemIndex) as string;
				const email: CapturedEmail = {
					from: this.getNodeParameter('fromEmail', itemIndex) as string,
					to: this.getNodeParameter('toEmail', itemIndex) as string,
					subject: this.getNodeParameter('subject', itemIndex) as string,
					smtpCredential,
				};
				if (format !== 'html') email.text = this.getNodeParameter('text', itemIndex) as string;
				if (format !== 'text') email.html = this.getNodeParameter('html', itemIndex) as string;
				outbox.push(email);
				return { json: { accepted: [email.to], rejected: [] }, pairedItem: { item: itemIndex } };
			}),
		];
	}

	return { description, execute };
}

/** Fresh stand-ins for one workflow run; `outbox` holds what Send Email would have sent. */
export function builtInStandIns(): {
	nodeTypes: Record<string, INodeType>;
	outbox: CapturedEmail[];
} {
	const outbox: CapturedEmail[] = [];
	return {
		nodeTypes: {
			'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
			'n8n-nodes-base.set': new SetStandIn(),
			'n8n-nodes-base.emailSend': emailSendStandIn(outbox),
		},
		outbox,
	};
}
