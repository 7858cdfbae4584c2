// The action node's editor methods (loadOptions, listSearch) run in n8n-core's own
// LoadOptionsContext, built as the editor builds it: the node's parameters so far and its credential.
import { LoadOptionsContext } from 'n8n-core';
import type {
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { PACKAGE_PREFIX } from './engine';
import type { EmulatorFixture, TestCredential } from './fixtures';
import { packageNodeTypes } from './packageTypes';

export interface EditorContext {
	methods: NonNullable<INodeType['methods']>;
	context: LoadOptionsContext;
}

/** The Trustpilot node's methods and the context the editor gives them for `parameterPath`. */
export function editorContext(
	credential: TestCredential,
	parameters: INodeParameters,
	parameterPath: string,
): EditorContext {
	const type = `${PACKAGE_PREFIX}.trustpilot`;
	const node: INode = {
		id: 'node-1',
		name: 'Trustpilot',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credential.credentials,
	};
	const nodeType = packageNodeTypes[type] as INodeType;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credential.store),
		currentNodeParameters: parameters,
	} as unknown as IWorkflowExecuteAdditionalData;
	return {
		methods: nodeType.methods!,
		context: new LoadOptionsContext(workflow, node, additionalData, parameterPath),
	};
}

/** The emulator's request log without token requests (clear it before the call under test). */
export async function apiRequests(fixture: EmulatorFixture) {
	return (await fixture.client.requests()).filter((request) => !request.path.includes('/oauth/'));
}
