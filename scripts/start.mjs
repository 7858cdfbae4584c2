// `npm start`: a real n8n with this package installed the way a user installs it, wired to the
// local Trustpilot emulator and a mail catcher, with the demo workflows from examples/ imported.
// First run installs Node 24 + n8n into .cache/ (minutes); later runs reuse it. Ctrl-C stops it all.
import { DEMO_OWNER } from './n8n/owner.mjs';
import { formatDuration, log } from './n8n/process.mjs';
import { createStack } from './n8n/stack.mjs';
import { assertPortsFree, stopOnSignals, workflowState, writeDemoFile } from './n8n/startup.mjs';
import { webhookEndpoints } from './n8n/webhooks.mjs';
import { DEMO_MCP_TOKEN } from './n8n/workflows.mjs';

const PORTS = {
	n8n: 5678,
	broker: 5679,
	emulator: 8787,
	emulatorInvitations: 8788,
	smtp: 1025,
	smtpWeb: 8025,
	scriptedModel: 8790,
};

const stack = createStack();
const { shutdown, isStopping } = stopOnSignals(
	stack,
	'Stopping n8n, the emulator and the mail catcher …',
);

try {
	const started = Date.now();
	await assertPortsFree(PORTS, 'is another `npm start` or n8n running?');
	await stack.start({
		instanceName: 'demo',
		n8nPort: PORTS.n8n,
		brokerPort: PORTS.broker,
		emulatorPort: PORTS.emulator,
		smtpPort: PORTS.smtp,
		smtpHttpPort: PORTS.smtpWeb,
		scriptedModelPort: PORTS.scriptedModel,
	});
	// If n8n dies on its own, say so and take the rest down with it.
	stack.instance.server.exited.then(({ code, signal }) => {
		if (!isStopping()) {
			log(`n8n exited unexpectedly (${signal ?? code}); see ${stack.instance.logFile}`);
			shutdown(1);
		}
	});
	printWelcome(Date.now() - started);
} catch (error) {
	process.stderr.write(`\n${error.stack ?? error.message}\n`);
	await shutdown(1);
}

function printWelcome(tookMs) {
	const { instance, emulator, emulatorInfo, smtp, workflows, published } = stack;
	const line = (text = '') => process.stdout.write(`${text}\n`);
	const endpoints = workflows.flatMap((workflow) => webhookEndpoints(stack, workflow));
	writeDemoFile(instance.dir, { baseUrl: instance.baseUrl, emulator, emulatorInfo, endpoints });

	line();
	line(
		`n8n with n8n-nodes-trustpilot is ready in ${formatDuration(tookMs)} (install ${formatDuration(stack.timings.install)}, build ${formatDuration(stack.timings.buildAndPack)}, n8n start ${formatDuration(stack.timings.n8nStart)})`,
	);
	line();
	line(`  Editor        ${instance.baseUrl}`);
	line(`  Login         ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
	line(
		`  Mail catcher  http://127.0.0.1:${smtp.httpPort}  (SMTP on 127.0.0.1:${smtp.smtpPort}; JSON at /messages)`,
	);
	line(`  Emulator      ${emulator.apiUrl} and ${emulator.invitationsUrl}`);
	line(`  Emulator admin ${emulator.adminUrl}/info · /state · /requests · /counters`);
	line(
		`  Business unit ${emulatorInfo.mainBusinessUnit.displayName} (${emulatorInfo.mainBusinessUnit.domain}, id ${emulatorInfo.mainBusinessUnit.id})`,
	);
	line();
	line(
		'  Demo workflows (credentials "Trustpilot API (local emulator)", "Trustpilot Business Generated Links", "Demo SMTP"):',
	);
	if (workflows.length === 0) line('    (none yet: examples/ has no NN-*.json files)');
	for (const workflow of workflows) {
		const state = workflowState(stack, workflow, published, 'run it with "Execute workflow"');
		line(
			`    ${workflow.fileName.padEnd(38)} ${instance.baseUrl}/workflow/${workflow.id}  — ${state}`,
		);
	}
	const reviewHooks = endpoints.filter((endpoint) =>
		endpoint.nodeType.endsWith('.trustpilotTrigger'),
	);
	if (reviewHooks.length > 0) {
		line();
		line('  Send a Trustpilot event (a new 1-star review) to the published Trustpilot Trigger:');
		line('    node scripts/n8n/fire-review.mjs --stars 1 --text "The parcel arrived broken"');
		for (const endpoint of reviewHooks) line(`    (its webhook: ${endpoint.url})`);
	}
	for (const endpoint of endpoints.filter(
		(candidate) => candidate.nodeType === 'n8n-nodes-base.webhook',
	)) {
		// The workflow's pinned sample (what "Execute workflow" uses) doubles as an example request.
		const workflow = workflows.find((candidate) => candidate.id === endpoint.workflowId);
		const sample = workflow.json.pinData?.[endpoint.nodeName]?.[0]?.json?.body ?? {};
		line();
		line(`  Call "${endpoint.nodeName}" (${workflow.fileName}):`);
		line(
			`    curl -s -X POST ${endpoint.url} -H 'content-type: application/json' -d '${JSON.stringify(sample)}'`,
		);
	}
	for (const endpoint of endpoints.filter((candidate) =>
		candidate.nodeType.endsWith('.mcpTrigger'),
	)) {
		line();
		line(`  MCP server (${endpoint.nodeName}): ${endpoint.url}  (Streamable HTTP)`);
		line(`    header  Authorization: Bearer ${DEMO_MCP_TOKEN}`);
	}
	for (const endpoint of endpoints.filter((candidate) =>
		candidate.nodeType.endsWith('.chatTrigger'),
	)) {
		line();
		line(
			`  AI Agent chat (${endpoint.nodeName}): open the workflow and use "Open chat", or POST to ${endpoint.url}`,
		);
		line(
			`    The chat model is a scripted stand-in at ${stack.scriptedModel.baseUrl}: name a tool, e.g. 'get_reviews {"limit": 3}'`,
		);
	}
	line();
	line('  Ctrl-C stops n8n, the emulator, the mail catcher and the scripted model.');
	line();
}
