// Puts the demo content into an instance: credentials and workflows through n8n's own import
// commands (before the server starts; skipped when nothing changed), then — once the server is
// up — the Data Tables the workflows write to and the publication of the trigger workflows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { runN8nCommand } from './instance.mjs';
import { publicApi } from './owner.mjs';
import { log } from './process.mjs';

/** Runs `n8n import:credentials` + `n8n import:workflow`; returns false when the same content was imported before. */
export async function importContent(instance, { credentials, workflows }) {
	const importDir = path.join(instance.dir, 'import');
	const workflowDir = path.join(importDir, 'workflows');
	const markerFile = path.join(importDir, '.imported.json');
	const hash = crypto
		.createHash('sha256')
		.update(JSON.stringify({ credentials, workflows: workflows.map((workflow) => workflow.json) }))
		.digest('hex');
	try {
		if (JSON.parse(fs.readFileSync(markerFile, 'utf8')).hash === hash) return false;
	} catch {
		// never imported
	}
	fs.rmSync(importDir, { recursive: true, force: true });
	fs.mkdirSync(workflowDir, { recursive: true });
	// Plain credential data on disk only for as long as the import takes.
	const credentialFile = path.join(importDir, 'credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify(credentials), { mode: 0o600 });
	try {
		log(`Importing ${credentials.length} credentials …`);
		await runN8nCommand(instance, ['import:credentials', `--input=${credentialFile}`]);
	} finally {
		fs.rmSync(credentialFile, { force: true });
	}
	if (workflows.length > 0) {
		for (const workflow of workflows) {
			fs.writeFileSync(
				path.join(workflowDir, `${workflow.id}.json`),
				JSON.stringify(workflow.json, null, 2),
			);
		}
		log(`Importing ${workflows.length} workflows from examples/ …`);
		await runN8nCommand(instance, ['import:workflow', '--separate', `--input=${workflowDir}`]);
	}
	fs.writeFileSync(markerFile, JSON.stringify({ hash }));
	return true;
}

/** Creates the Data Tables (by name) that the workflows use and that do not exist yet. */
export async function ensureDataTables(instance, tables) {
	if (tables.length === 0) return [];
	const { body } = await publicApi(instance, 'GET', '/data-tables?limit=250');
	const existing = new Map(body.data.map((table) => [table.name, table]));
	const result = [];
	for (const table of tables) {
		let found = existing.get(table.name);
		if (!found) {
			log(
				`Creating Data Table "${table.name}" (${table.columns.map((column) => column.name).join(', ')}) …`,
			);
			found = (await publicApi(instance, 'POST', '/data-tables', table)).body;
		}
		result.push(found);
	}
	return result;
}

/**
 * Publishes (activates) the workflows that start from a trigger. The call returns once n8n has
 * registered their webhooks / polls, which avoids the 404s right after start-up.
 */
export async function publishTriggerWorkflows(instance, workflows) {
	const outcomes = [];
	for (const workflow of workflows.filter((candidate) => candidate.publish)) {
		const { status, body } = await publicApi(
			instance,
			'POST',
			`/workflows/${workflow.id}/activate`,
			undefined,
			{
				allowStatus: [400, 404],
			},
		);
		const ok = status === 200 && body?.active !== false;
		if (!ok) log(`Could not publish "${workflow.name}": ${body?.message ?? status}`);
		outcomes.push({
			id: workflow.id,
			name: workflow.name,
			ok,
			message: ok ? '' : (body?.message ?? String(status)),
		});
	}
	return outcomes;
}
