import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { CredentialStore } from '../harness/credentials';
import { recordRun } from '../harness/hygiene/runRecorder.cjs';
import { createAdditionalData, createWorkflow, PACKAGE_PREFIX } from '../harness/engine';
import {
	startWebhookServer,
	type WebhookRequest,
	type WebhookResponse,
} from '../harness/webhookServer.cjs';

const TRIGGER_NAME = 'Trustpilot Trigger';
const WEBHOOK_ID = '7f5a1c2e-0b4d-4c1e-9a77-2d3b8e6f1a90';

export interface TriggerReceiver {
	/** The production URL n8n would show: <base>/webhook/<webhookId>/webhook. */
	url: string;
	/** Items each started execution produced at the trigger node (one entry per execution). */
	executions: IDataObject[][];
	/** What the node's `webhook()` returned, per request. */
	results: IWebhookResponseData[];
	/** Resolves once every request received so far has been handled (executions included). */
	idle(): Promise<void>;
	close(): Promise<void>;
}

export interface ReceiverOptions {
	parameters: INodeParameters;
	credentials?: INodeCredentials;
	store?: CredentialStore;
	/** The node's typeVersion (default 1, as in workflows saved before version 2 existed). */
	typeVersion?: number;
}

/**
 * What n8n's webhook path (webhook-helpers parseRequestBody) reads before the node runs: for a
 * version-1 start node every body; from version 2 on only the content types it parses — any
 * other body reaches the node unread, with `readRawBody()` to read it.
 */
type DeliveredRequest = Omit<WebhookRequest, 'rawBody'> & {
	rawBody?: Uint8Array;
	readRawBody?: () => Promise<void>;
};

function asN8nDelivers(request: WebhookRequest, typeVersion: number): DeliveredRequest {
	const contentType = String(request.contentType ?? '');
	const parsable =
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml');
	if (typeVersion === 1 || parsable) return request;
	const unread: DeliveredRequest = {
		...request,
		body: {},
		rawBody: undefined,
	};
	unread.readRawBody = async () => {
		unread.rawBody = request.rawBody;
	};
	return unread;
}

/**
 * A stand-in for n8n's webhook server: real HTTP in, n8n-core's WebhookContext around the
 * Trustpilot Trigger's `webhook()`, and — when it returns workflow data — a real execution
 * started from the trigger node, as n8n's webhook helpers do.
 */
export async function startTriggerReceiver(options: ReceiverOptions): Promise<TriggerReceiver> {
	const store = options.store ?? new CredentialStore();
	const { workflow, workflowData } = createWorkflow({
		nodes: [
			{
				name: TRIGGER_NAME,
				type: `${PACKAGE_PREFIX}.trustpilotTrigger`,
				webhookId: WEBHOOK_ID,
				typeVersion: options.typeVersion ?? 1,
				parameters: options.parameters,
				credentials: options.credentials,
			},
		],
		connections: {},
	});
	const node = workflow.getNode(TRIGGER_NAME)!;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const webhookDescription = nodeType.description.webhooks![0];
	const executions: IDataObject[][] = [];
	const results: IWebhookResponseData[] = [];

	const handle = async (received: WebhookRequest, response: WebhookResponse): Promise<void> => {
		const request = asN8nDelivers(received, node.typeVersion);
		const additionalData = createAdditionalData(store, {
			extra: { httpRequest: request, httpResponse: response },
		});
		const webhookData = {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
			isTest: false,
		} as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const result = await nodeType.webhook!.call(context);
		results.push(result);
		if (result.noWebhookResponse !== true && !response.headersSent) {
			response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
		}
		if (!result.workflowData) return;
		const executionId = `webhook-${results.length}`;
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node, data: { main: result.workflowData }, source: null }],
			},
		});
		const hooks = new ExecutionLifecycleHooks('webhook', executionId, workflowData);
		const runData = createAdditionalData(store, { hooks, executionId });
		const run: IRun = await new WorkflowExecute(
			runData,
			'webhook',
			runExecutionData,
		).processRunExecutionData(workflow);
		const output = run.data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [];
		executions.push(output.map((item) => item.json));
		recordRun('webhook', { result, run }, store);
	};

	// The node answers before its execution ends, so callers wait for the handlers themselves.
	const pending = new Set<Promise<void>>();
	const tracked = (request: WebhookRequest, response: WebhookResponse): Promise<void> => {
		const done = handle(request, response);
		pending.add(done);
		const forget = () => pending.delete(done);
		done.then(forget, forget);
		return done;
	};
	const server = await startWebhookServer(tracked);
	return {
		url: `${server.url}/webhook/${WEBHOOK_ID}/webhook`,
		executions,
		results,
		idle: async () => {
			await Promise.allSettled([...pending]);
		},
		close: async () => {
			await Promise.allSettled([...pending]);
			await server.close();
		},
	};
}

/** The URL with Basic-auth userinfo, as a user would paste it into Trustpilot Business. */
export function withUserInfo(url: string, user: string, password: string): string {
	const parsed = new URL(url);
	parsed.username = encodeURIComponent(user);
	parsed.password = encodeURIComponent(password);
	return parsed.toString();
}
