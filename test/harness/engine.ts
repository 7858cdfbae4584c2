import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, setSafeRegexEngine, Workflow } from 'n8n-workflow';

import { recordRun } from './hygiene/runRecorder.cjs';
import { CredentialStore, TestCredentialsHelper } from './credentials';
import { packageNodeTypes, PACKAGE_PREFIX } from './packageTypes';
import {
	TEST_TRIGGER_TYPE,
	TestTrigger,
	TRUSTPILOT_PROBE_TYPE,
	TrustpilotProbe,
} from './testNodes';

export { CredentialStore } from './credentials';
export { PACKAGE_PREFIX } from './packageTypes';

// n8n-workflow checks parameter patterns (e.g. a resource locator's regex) in a vm with a 250 ms
// wall-clock limit. On a starved 2-core CI machine a GC pause alone exceeds it and a workflow
// fails with "Regular expression execution timed out" before the node runs (seen once in CI, in
// checkReadyForExecution). The patterns are the package's own fixed ones, so the in-process
// harness evaluates them natively; the real-n8n suites keep n8n's guarded engine.
setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) =>
		input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) =>
		Array.from(
			input.matchAll(new RegExp(pattern, (flags ?? '').includes('g') ? flags : `${flags ?? ''}g`)),
		),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;

	constructor(extra: Record<string, INodeType | IVersionedNodeType> = {}) {
		this.types = {
			...packageNodeTypes,
			[TEST_TRIGGER_TYPE]: new TestTrigger(),
			[TRUSTPILOT_PROBE_TYPE]: new TrustpilotProbe(),
			...extra,
		};
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** A node as written in a test: the engine fills in ids, positions and versions. */
export type TestNode = Partial<INode> & Pick<INode, 'name' | 'type'>;

export interface WorkflowDefinition {
	nodes: TestNode[];
	connections: IConnections;
	staticData?: IDataObject;
}

export interface RunOptions {
	workflow: WorkflowDefinition;
	credentials?: CredentialStore;
	/** Extra node types (e.g. stand-ins for n8n's built-in nodes used by example workflows). */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	mode?: WorkflowExecuteMode;
}

export interface RunResult {
	run: IRun;
	/** The workflow's static data after the run (what n8n would persist). */
	staticData: IDataObject;
	/** Output items of a node (first run, given output); throws if the node did not run. */
	items(nodeName: string, outputIndex?: number): INodeExecutionData[];
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error the workflow stopped with, if any. */
	error: Error | undefined;
	/** The error a node recorded in its run data, if any. */
	nodeError(nodeName: string): Error | undefined;
}

function completeNode(node: TestNode, index: number): INode {
	return {
		id: node.id ?? `node-${index}`,
		typeVersion: 1,
		position: [index * 200, 0],
		parameters: {},
		...node,
	} as INode;
}

let executionCounter = 0;

export const TEST_WORKFLOW_ID = 'test-workflow';

export interface CreatedWorkflow {
	workflow: Workflow;
	/** The same workflow as n8n stores it (for lifecycle hooks). */
	workflowData: IWorkflowBase;
}

/** A real n8n `Workflow` over the package's node types (plus the test trigger and any extras). */
export function createWorkflow(
	definition: WorkflowDefinition,
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>,
): CreatedWorkflow {
	const nodes = definition.nodes.map(completeNode);
	const workflow = new Workflow({
		id: TEST_WORKFLOW_ID,
		name: 'Test workflow',
		nodes,
		connections: definition.connections,
		active: false,
		nodeTypes: new TestNodeTypes(nodeTypes),
		staticData: definition.staticData ?? {},
		settings: {},
	});
	const workflowData: IWorkflowBase = {
		id: TEST_WORKFLOW_ID,
		name: 'Test workflow',
		active: false,
		isArchived: false,
		nodes,
		connections: definition.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	return { workflow, workflowData };
}

export interface AdditionalDataOptions {
	hooks?: ExecutionLifecycleHooks;
	executionId?: string;
	/** Anything else n8n puts there, e.g. `httpRequest`/`httpResponse` for webhook contexts. */
	extra?: Record<string, unknown>;
}

/** The additional data n8n hands every execution context, wired to the test credential store. */
export function createAdditionalData(
	credentials: CredentialStore,
	options: AdditionalDataOptions = {},
): IWorkflowExecuteAdditionalData {
	const unused = async () => {
		throw new Error('Not available in engine tests');
	};
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks: options.hooks,
		executionId: options.executionId ?? `test-${++executionCounter}`,
		variables: {},
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		executeWorkflow: unused,
		startRunnerTask: unused,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		...(options.extra ?? {}),
	} as unknown as IWorkflowExecuteAdditionalData;
}

export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const credentials = options.credentials ?? new CredentialStore();
	const { workflow, workflowData } = createWorkflow(options.workflow, options.nodeTypes);
	const mode = options.mode ?? 'manual';
	const executionId = `test-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = createAdditionalData(credentials, { hooks, executionId });

	const run = await new WorkflowExecute(additionalData, mode).run({ workflow });
	// Secret hygiene (test/harness/hygiene): a no-op unless the jest run records; never changes the run.
	recordRun('workflow', run, credentials);
	const runData = run.data.resultData.runData;
	const taskOf = (nodeName: string) => {
		const task = runData[nodeName]?.[0];
		if (!task) throw new Error(`Node "${nodeName}" did not run`);
		return task;
	};
	const items = (nodeName: string, outputIndex = 0) =>
		taskOf(nodeName).data?.main?.[outputIndex] ?? [];
	return {
		run,
		staticData: workflow.staticData,
		items,
		json: (nodeName, outputIndex) => items(nodeName, outputIndex).map((item) => item.json),
		error: run.data.resultData.error as Error | undefined,
		nodeError: (nodeName) => taskOf(nodeName).error as Error | undefined,
	};
}

export interface NodeUnderTest {
	type: string;
	parameters: INode['parameters'];
	credentials?: INodeCredentials;
	continueOnFail?: boolean;
	typeVersion?: number;
	name?: string;
}

/**
 * The common case: a test trigger emitting `input` items, connected to one package node.
 * `node.type` may be the short name (e.g. "trustpilot"); the package prefix is added.
 */
export async function runNode(
	node: NodeUnderTest,
	input: IDataObject[] = [{}],
	credentials?: CredentialStore,
	staticData?: IDataObject,
): Promise<RunResult & { output: INodeExecutionData[] }> {
	const name = node.name ?? 'Trustpilot';
	const type = node.type.includes('.') ? node.type : `${PACKAGE_PREFIX}.${node.type}`;
	const result = await runWorkflow({
		credentials,
		workflow: {
			staticData,
			nodes: [
				{ name: 'Start', type: TEST_TRIGGER_TYPE, parameters: { items: JSON.stringify(input) } },
				{
					name,
					type,
					typeVersion: node.typeVersion ?? 1,
					parameters: node.parameters,
					credentials: node.credentials,
					continueOnFail: node.continueOnFail,
					onError: node.continueOnFail ? 'continueRegularOutput' : undefined,
				},
			],
			connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		},
	});
	const ranNode = result.run.data.resultData.runData[name] !== undefined;
	return { ...result, output: ranNode ? result.items(name) : [] };
}
