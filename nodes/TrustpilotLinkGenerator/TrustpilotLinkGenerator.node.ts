import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { continueOnFailItem } from '../shared/trustpilotError';
import { BGL_CREDENTIAL, readBglSettings, type BglSettings } from './bglSettings';
import { decodeLink } from './decode';
import { linkGeneratorProperties } from './descriptions';
import { FixedParameters } from './fixedParameters';
import { generateLink } from './generate';

export class TrustpilotLinkGenerator implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustpilot Link Generator',
		name: 'trustpilotLinkGenerator',
		icon: {
			light: 'file:../../icons/trustpilot.svg',
			dark: 'file:../../icons/trustpilot.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] === "decode" ? "Decode link" : "Generate link"}}',
		description:
			'Create and check Trustpilot Business Generated Links (review invitation links) offline',
		defaults: { name: 'Trustpilot Link Generator' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'trustpilotBusinessLinksApi',
				required: true,
				testedBy: 'trustpilotBusinessLinksTest',
			},
		],
		properties: linkGeneratorProperties,
	};

	methods = {
		credentialTest: {
			// No HTTP: Trustpilot has no endpoint to check BGL keys, so check what can be checked locally.
			async trustpilotBusinessLinksTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				try {
					const { domain } = readBglSettings(credential.data ?? {});
					return {
						status: 'OK',
						message: `Domain and keys are well-formed for ${domain}. Trustpilot checks the keys when a customer opens a link.`,
					};
				} catch (error) {
					return { status: 'Error', message: (error as Error).message };
				}
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentialData = await this.getCredentials(BGL_CREDENTIAL);
		// Checked once per run; a bad credential fails every item the same way (or becomes error items).
		let settings: BglSettings | undefined;
		let credentialProblem = '';
		try {
			settings = readBglSettings(credentialData);
		} catch (error) {
			credentialProblem = (error as Error).message;
		}

		const fixed = new FixedParameters(this);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				if (settings === undefined) {
					throw new NodeOperationError(this.getNode(), `Credential: ${credentialProblem}`, {
						itemIndex,
						description:
							'Fix the Trustpilot Business Generated Links credential used by this node.',
					});
				}
				const operation = fixed.read(
					'operation',
					['operation'],
					() => this.getNodeParameter('operation', itemIndex) as string,
				);
				let json: IDataObject;
				if (operation === 'generate') json = generateLink(this, itemIndex, settings, fixed);
				else if (operation === 'decode') json = decodeLink(this, itemIndex, settings);
				else {
					throw new NodeOperationError(
						this.getNode(),
						`The operation "${operation}" is not supported`,
						{ itemIndex },
					);
				}
				output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (this.continueOnFail()) {
					// The same error item as the action node: the message names the field, details the item.
					output.push(continueOnFailItem(error as Error, itemIndex));
					continue;
				}
				// Our own errors already carry the item; anything else is wrapped so n8n shows which item failed.
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
		}
		return [output];
	}
}
