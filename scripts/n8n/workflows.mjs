// Turns the demo workflows in examples/ into importable ones for a given instance: fixed workflow
// ids (so re-imports update instead of duplicating), every node credential pointed at the
// credentials we import (matched by credential type, whatever id the example used), and webhook
// ids for trigger nodes (production URLs are /webhook/<webhookId>/<path>).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { EXAMPLES_DIR } from './paths.mjs';

/** Credential ids and names the demo imports; examples are encouraged to use the same ones. */
export const DEMO_CREDENTIALS = {
	trustpilotApi: { id: 'trustpilot-api-demo', name: 'Trustpilot API (local emulator)' },
	trustpilotBusinessLinksApi: {
		id: 'trustpilot-bgl-demo',
		name: 'Trustpilot Business Generated Links',
	},
	smtp: { id: 'demo-smtp', name: 'Demo SMTP' },
	// Examples 05/06 (AI): the MCP server's client token and the scripted stand-in for a chat model.
	httpBearerAuth: { id: 'demo-mcp-bearer', name: 'Demo MCP client token' },
	openAiApi: { id: 'demo-scripted-model', name: 'Scripted model (local stand-in, not an LLM)' },
};

/** The bearer token an MCP client sends to the demo's MCP Server Trigger (example 05). */
export const DEMO_MCP_TOKEN = 'demo-mcp-token-local-only';

const NON_TRIGGER_STARTS = new Set([
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.executeWorkflowTrigger',
]);

/** Nodes that make a workflow worth publishing: any trigger except the manual ones, and webhooks. */
export function isActivatingTrigger(node) {
	if (NON_TRIGGER_STARTS.has(node.type)) return false;
	return /trigger$/i.test(node.type) || node.type === 'n8n-nodes-base.webhook';
}

function stableUuid(seed) {
	const hex = crypto.createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `examples/03-order-review-link-email.json` → `TpDemoWorkflow03` (16 characters, like n8n's ids). */
function workflowIdFor(fileName) {
	const number =
		/^(\d+)/.exec(fileName)?.[1] ??
		crypto.createHash('sha256').update(fileName).digest('hex').slice(0, 2);
	return `TpDemoWorkflow${number.padStart(2, '0').slice(-2)}`;
}

/** Every `NN-*.json` in examples/, in file order. */
export function listExampleFiles(dir = EXAMPLES_DIR) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => /^\d+-.+\.json$/.test(file))
		.sort()
		.map((file) => path.join(dir, file));
}

export function prepareWorkflow(file) {
	return prepareWorkflowJson(path.basename(file), JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

/** Like prepareWorkflow, for a workflow built in code; `fileName` gives its number (`91-…`). */
export function prepareWorkflowJson(fileName, workflow, file = undefined) {
	const id = workflowIdFor(fileName);
	const nodes = workflow.nodes.map((node) => {
		const prepared = { ...node };
		if (node.credentials) {
			prepared.credentials = Object.fromEntries(
				Object.entries(node.credentials).map(([type, reference]) => [
					type,
					DEMO_CREDENTIALS[type] ?? reference,
				]),
			);
		}
		if (isActivatingTrigger(node) && !node.webhookId)
			prepared.webhookId = stableUuid(`${id}/${node.name}`);
		return prepared;
	});
	return {
		file,
		fileName,
		id,
		name: workflow.name,
		nodes,
		publish: nodes.some(isActivatingTrigger),
		// Demos writing to PostgreSQL need its server: only `npm run start:queue` brings one.
		needsPostgres: nodes.some((node) => node.type === 'n8n-nodes-base.postgres'),
		json: { ...workflow, id, nodes, active: false },
	};
}

export function prepareWorkflows(files = listExampleFiles()) {
	return files.map(prepareWorkflow);
}

// n8n adds these to every Data Table row itself; a workflow cannot write them.
const DATA_TABLE_SYSTEM_COLUMNS = ['id', 'createdAt', 'updatedAt'];

/**
 * The Data Tables the workflows refer to by name, with the columns their nodes map, plus a
 * warning for each mapped system column (the node would fail with "unknown column name").
 */
export function dataTablesUsed(workflows) {
	const tables = new Map();
	const warnings = [];
	for (const workflow of workflows) {
		for (const node of workflow.nodes) {
			if (node.type !== 'n8n-nodes-base.dataTable') continue;
			const locator = node.parameters?.dataTableId;
			const byName = locator?.mode === 'name' && typeof locator.value === 'string';
			if (!byName || locator.value.startsWith('=')) continue;
			const columns = tables.get(locator.value) ?? new Map();
			for (const field of node.parameters?.columns?.schema ?? []) {
				if (DATA_TABLE_SYSTEM_COLUMNS.includes(field.id)) {
					warnings.push(
						`${workflow.fileName}: node "${node.name}" maps "${field.id}", a Data Table system column it cannot write; rename that column`,
					);
					continue;
				}
				columns.set(field.id, dataTableColumnType(field.type));
			}
			tables.set(locator.value, columns);
		}
	}
	const list = [...tables].map(([name, columns]) => ({
		name,
		columns: [...columns].map(([columnName, type]) => ({ name: columnName, type })),
	}));
	return { tables: list, warnings };
}

function dataTableColumnType(resourceMapperType) {
	if (resourceMapperType === 'number') return 'number';
	if (resourceMapperType === 'boolean') return 'boolean';
	if (resourceMapperType === 'dateTime') return 'date';
	return 'string';
}

/**
 * Credentials pointing at the emulator and the mail catcher. `data` is plain here: n8n encrypts it
 * on import with the instance's key.
 */
export function demoCredentials({ emulatorInfo, smtpPort, scriptedModelUrl }) {
	const { account, bgl, urls } = emulatorInfo;
	return [
		{
			...DEMO_CREDENTIALS.trustpilotApi,
			type: 'trustpilotApi',
			data: {
				environment: 'custom',
				apiBaseUrl: urls.apiUrl,
				invitationsBaseUrl: urls.invitationsUrl,
				apiKey: account.apiKey,
				apiSecret: account.apiSecret,
				authentication: 'clientCredentials',
				businessUserId: account.businessUser.id,
			},
		},
		{
			...DEMO_CREDENTIALS.trustpilotBusinessLinksApi,
			type: 'trustpilotBusinessLinksApi',
			data: { domain: bgl.domain, encryptSecretKey: bgl.encryptKey, authSecretKey: bgl.authKey },
		},
		{
			...DEMO_CREDENTIALS.smtp,
			type: 'smtp',
			data: {
				user: 'demo',
				password: 'demo',
				host: '127.0.0.1',
				port: smtpPort,
				secure: false,
				disableStartTls: true,
				hostName: '',
			},
		},
		{
			...DEMO_CREDENTIALS.httpBearerAuth,
			type: 'httpBearerAuth',
			data: { token: DEMO_MCP_TOKEN },
		},
		{
			...DEMO_CREDENTIALS.openAiApi,
			type: 'openAiApi',
			data: { apiKey: 'scripted-model-needs-no-key', url: scriptedModelUrl, header: false },
		},
	];
}
