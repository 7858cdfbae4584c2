// What `npm start` and `npm run start:queue` share: the free-port check before anything starts,
// stopping the whole stack once on Ctrl-C / SIGTERM, demo.json for fire-review.mjs, and each demo
// workflow's state line.
import fs from 'node:fs';
import path from 'node:path';

import { canListen } from './instance.mjs';
import { log } from './process.mjs';
import { missingNodeTypes } from './stack.mjs';

/** Rejects naming the first port (of `ports`, values a port or a list of ports) that is taken. */
export async function assertPortsFree(ports, inUseHint) {
	for (const [what, value] of Object.entries(ports)) {
		for (const port of [value].flat()) {
			if (!(await canListen(port)))
				throw new Error(`Port ${port} (${what}) is in use on 127.0.0.1 — ${inUseHint}`);
		}
	}
}

/** Stops `stack` once (Ctrl-C, SIGTERM or a call to `shutdown`), then exits. */
export function stopOnSignals(stack, stoppingMessage) {
	let stopping = false;
	async function shutdown(exitCode) {
		if (stopping) return;
		stopping = true;
		log(stoppingMessage);
		await stack.stop();
		log('Stopped.');
		process.exit(exitCode);
	}
	process.on('SIGINT', () => shutdown(0));
	process.on('SIGTERM', () => shutdown(0));
	return { shutdown, isStopping: () => stopping };
}

/** fire-review.mjs reads this file to deliver events (it takes the demo folder name). */
export function writeDemoFile(dir, { baseUrl, emulator, emulatorInfo, endpoints }) {
	fs.writeFileSync(
		path.join(dir, 'demo.json'),
		JSON.stringify(
			{
				n8n: baseUrl,
				emulatorAdmin: emulator.adminUrl,
				mainBusinessUnit: emulatorInfo.mainBusinessUnit,
				endpoints,
			},
			null,
			2,
		),
	);
}

/** A demo workflow's state for the welcome text; `manualRun` is the text for an unpublished one. */
export function workflowState(stack, workflow, published, manualRun) {
	const publishedIds = new Set(
		published.filter((outcome) => outcome.ok).map((outcome) => outcome.id),
	);
	const missing = missingNodeTypes(stack, workflow);
	return missing.length > 0
		? `needs node types this build does not register: ${missing.join(', ')}`
		: workflow.publish
			? publishedIds.has(workflow.id)
				? 'published'
				: 'NOT published (see above)'
			: manualRun;
}
