// Brings up everything the demo and the e2e suite need, in order: runtime install (cached), this
// package built/packed/installed into the instance, the Trustpilot emulator, the mail catcher,
// imported credentials + workflows, n8n itself, the owner login + API key, Data Tables and the
// published trigger workflows. `stop()` undoes whatever was started, in reverse order.
import { startEmulator } from '../../emulator/index.mjs';
import { importContent, ensureDataTables, publishTriggerWorkflows } from './content.mjs';
import { ensureRuntime } from './install.mjs';
import { createInstance, startServer, stopServer } from './instance.mjs';
import { ensureApiKey, ensureOwnerSession } from './owner.mjs';
import { buildAndPack, installIntoUserFolder } from './package.mjs';
import { log } from './process.mjs';
import { startScriptedModel } from './scriptedModel.mjs';
import { startSmtpCatcher } from './smtpCatcher.mjs';
import { dataTablesUsed, demoCredentials, prepareWorkflows } from './workflows.mjs';

/** Runs the cleanups last-registered first; one that fails is logged and the rest still run. */
export async function runCleanups(cleanups) {
	while (cleanups.length > 0) {
		const cleanup = cleanups.pop();
		try {
			await cleanup();
		} catch (error) {
			log(`Cleanup failed: ${error.message}`);
		}
	}
}

export function createStack() {
	const cleanups = [];
	const stack = {
		timings: {},
		async stop() {
			await runCleanups(cleanups);
		},
	};

	stack.start = async function start(options) {
		const {
			instanceName,
			fresh = false,
			n8nPort,
			brokerPort,
			emulatorPort,
			smtpPort = 0,
			smtpHttpPort = 0,
			scriptedModelPort = 0,
			// Lets the e2e suite adjust the imported copies (e.g. poll more often); the demo leaves them as written.
			adjustWorkflow = (workflow) => workflow,
			// Workflows to import instead of examples/ (the smoke suite brings its own).
			workflows,
		} = options;
		const began = Date.now();
		const mark = (name, since) => {
			stack.timings[name] = Date.now() - since;
		};

		let since = Date.now();
		stack.timings.install = await ensureRuntime();

		since = Date.now();
		const packed = await buildAndPack();
		mark('buildAndPack', since);
		const instance = createInstance({ name: instanceName, port: n8nPort, brokerPort, fresh });
		stack.instance = instance;
		since = Date.now();
		await installIntoUserFolder(instance.dir, packed);
		mark('installPackage', since);

		stack.emulator = await startEmulator({ port: emulatorPort });
		cleanups.push(() => stack.emulator.close());
		stack.emulatorInfo = await (await fetch(`${stack.emulator.adminUrl}/info`)).json();
		stack.smtp = await startSmtpCatcher({ smtpPort, httpPort: smtpHttpPort });
		cleanups.push(() => stack.smtp.close());
		log(
			`Emulator on ${stack.emulator.apiOrigin} (invitations ${stack.emulator.invitationsOrigin}); ` +
				`mail catcher SMTP 127.0.0.1:${stack.smtp.smtpPort}, web http://127.0.0.1:${stack.smtp.httpPort}.`,
		);

		stack.scriptedModel = await startScriptedModel({ port: scriptedModelPort });
		cleanups.push(() => stack.scriptedModel.close());

		// Workflows writing to PostgreSQL need queue mode's database (npm run start:queue).
		stack.workflows = (workflows ?? prepareWorkflows())
			.filter((workflow) => !workflow.needsPostgres)
			.map(adjustWorkflow);
		const credentials = demoCredentials({
			emulatorInfo: stack.emulatorInfo,
			smtpPort: stack.smtp.smtpPort,
			scriptedModelUrl: stack.scriptedModel.baseUrl,
		});
		since = Date.now();
		await importContent(instance, { credentials, workflows: stack.workflows });
		mark('import', since);

		since = Date.now();
		log(`Starting n8n on ${instance.baseUrl} (log: ${instance.logFile}) …`);
		cleanups.push(() => stopServer(instance));
		await startServer(instance);
		mark('n8nStart', since);

		since = Date.now();
		stack.cookie = await ensureOwnerSession(instance);
		await ensureApiKey(instance, stack.cookie);
		stack.loadedNodeTypes = await loadedNodeTypes(instance, stack.cookie);
		const { tables, warnings } = dataTablesUsed(stack.workflows);
		for (const warning of warnings) log(`Warning: ${warning}`);
		stack.dataTables = await ensureDataTables(instance, tables);
		stack.published = await publishTriggerWorkflows(instance, stack.workflows);
		mark('setup', since);
		stack.timings.total = Date.now() - began;
		return stack;
	};

	return stack;
}

/** Node types n8n actually loaded, by name (like `n8n-nodes-trustpilot.trustpilot`). */
export async function loadedNodeTypes(instance, cookie) {
	const response = await fetch(`${instance.baseUrl}/types/nodes.json`, { headers: { cookie } });
	if (!response.ok) throw new Error(`GET /types/nodes.json → ${response.status}`);
	return new Map((await response.json()).map((type) => [type.name, type]));
}

/** Which node types of a workflow this n8n does not know (e.g. a node not written/registered yet). */
export function missingNodeTypes(stack, workflow) {
	return [...new Set(workflow.nodes.map((node) => node.type))].filter(
		(type) => !stack.loadedNodeTypes.has(type),
	);
}
