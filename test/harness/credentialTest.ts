// n8n's "Test" button for a credential with a declarative `test.request`, as n8n's CLI runs it
// (services/credentials-tester.service.js in n8n 2.40): a temporary node whose one property
// routes the test request, executed by n8n-core's RoutingNode with the credential attached, so
// preAuthentication (token) and authenticate run exactly as in n8n.
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	INode,
	INodeType,
	IRunExecutionData,
} from 'n8n-workflow';
import { createEmptyRunExecutionData } from 'n8n-workflow';

import type { CredentialStore } from './credentials';
import { createAdditionalData, createWorkflow } from './engine';
import { packageCredentialTypes } from './packageTypes';

const CREDENTIAL_TEST_TYPE = 'test.credentialTest';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

function defaultsOf(type: string): ICredentialDataDecryptedObject {
	const defaults: ICredentialDataDecryptedObject = {};
	for (const property of packageCredentialTypes[type].properties) {
		defaults[property.name] = property.default as never;
	}
	return defaults;
}

export async function runCredentialTest(
	store: CredentialStore,
	credentialId: string,
): Promise<CredentialTestResult> {
	const stored = store.get(credentialId);
	const testRequest = packageCredentialTypes[stored.type]?.test;
	if (!testRequest) throw new Error(`${stored.type} has no test request`);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: CREDENTIAL_TEST_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { [stored.type]: { id: stored.id, name: stored.name } },
	};
	const nodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: stored.type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	} as unknown as INodeType;
	const { workflow } = createWorkflow(
		{ nodes: [node], connections: {} },
		{ [CREDENTIAL_TEST_TYPE]: nodeType },
	);
	const additionalData = createAdditionalData(store);
	const runExecutionData = createEmptyRunExecutionData() as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted: ICredentialsDecrypted = {
		id: stored.id,
		name: stored.name,
		type: stored.type,
		// As the editor sends it: every field, hidden ones at their defaults when not stored yet.
		data: { ...defaultsOf(stored.type), ...store.data(stored.id) },
	};
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
		return { status: 'OK', message: 'Connection tested successfully' };
	} catch (caught) {
		const error = caught as { message?: string; cause?: { response?: { status?: number } } };
		const status = error.cause?.response?.status;
		return {
			status: 'Error',
			message: status ? `Received HTTP status code: ${status}` : String(error.message),
		};
	}
}
