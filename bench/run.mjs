// `npm run bench`: every figure is a ratio of two things measured side by side in this run.
// Prints one table on stdout (progress goes to stderr) and writes bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { benchBgl } from './bgl.mjs';
import { BUILD_DIR, REPO_ROOT, buildHarness } from './build.mjs';
import { startBenchEmulator } from './emulator.mjs';
import { benchMemory } from './memory.mjs';
import { SCALE, benchPacing } from './pacing.mjs';
import { benchSync } from './sync.mjs';
import { formatTable, tableRows } from './table.mjs';
import { benchWebhook } from './webhook.mjs';

const RESULTS = path.join(REPO_ROOT, 'bench', 'results.json');
const progress = (message) =>
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

// What the engine harness needs before n8n-core loads (the jest suite sets the same).
const userFolder = path.join(REPO_ROOT, 'bench', 'tmp', 'n8n-user');
fs.mkdirSync(userFolder, { recursive: true });
Object.assign(process.env, {
	N8N_USER_FOLDER: userFolder,
	N8N_LOG_LEVEL: 'silent',
	N8N_DIAGNOSTICS_ENABLED: 'false',
});

function machine() {
	const cpus = os.cpus();
	return {
		cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.type()} ${os.release()}`,
		loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
	};
}

const startedAt = new Date().toISOString();
const info = { machine: machine(), startedAt };
progress(`compiling the engine harness to ${path.relative(REPO_ROOT, BUILD_DIR)} …`);
buildHarness();
// BENCH_ONLY=pacing,bgl runs only those sections (sync, bgl, pacing, memory, webhook).
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const runs = (section) => only.size === 0 || only.has(section);
const emulator = await startBenchEmulator();
const results = { ...info, ...(only.size > 0 ? { only: [...only] } : {}) };
try {
	if (runs('sync')) {
		progress('full sync of 100,000 reviews (Return All, poll trigger) vs a bare HTTP loop …');
		results.sync = await benchSync(emulator);
	}
	if (runs('bgl')) {
		progress('BGL links per second, node vs node:crypto …');
		results.bgl = await benchBgl(await emulator.info());
	}
	if (runs('pacing')) {
		progress('pacing against a scaled budget: Return All and backfill, paced and not …');
		results.pacing = await benchPacing(emulator, {
			// Sizes from issue 14; smaller ones only to try the section out.
			returnAllReviews: Number(process.env.BENCH_PACING_RETURN_ALL ?? 250000),
			backfillReviews: Number(process.env.BENCH_PACING_BACKFILL ?? 1000000),
			// Calls ÷ this (default 10): a busy machine needs a lower rate to stay under the engine.
			scale: { ...SCALE, calls: Number(process.env.BENCH_PACING_CALLS_DIVISOR ?? SCALE.calls) },
		});
	}
	if (runs('memory')) {
		progress('peak memory of a 1,000,000-review backfill in bounded polls …');
		results.memory = await benchMemory(emulator, process.env);
	}
} finally {
	await emulator.stop();
}
if (runs('webhook')) {
	progress('webhook events per second on a real n8n …');
	results.webhook = await benchWebhook().catch((error) => ({
		measured: false,
		reason: `not measured: ${error.message.split('\n')[0]}`,
	}));
}
results.finishedAt = new Date().toISOString();
// A partial run (BENCH_ONLY) replaces its sections in bench/results.json and keeps the others,
// noting when each section was measured (every ratio is still from one run of its section).
const previous =
	only.size > 0 && fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, 'utf8')) : {};
const sections = ['sync', 'bgl', 'pacing', 'memory', 'webhook'];
const measuredAt = { ...previous.measuredAt };
for (const section of sections) {
	if (results[section] !== undefined) measuredAt[section] = { startedAt, machine: info.machine };
	else if (previous[section] !== undefined) results[section] = previous[section];
}
results.measuredAt = measuredAt;
results.rows = tableRows(results);
// Written as prettier formats it, so `npm run lint` stays green after a bench run.
const prettier = await import('prettier');
const style = { ...(await prettier.resolveConfig(RESULTS)), filepath: RESULTS };
fs.writeFileSync(RESULTS, await prettier.format(JSON.stringify(results, null, 2), style));
process.stdout.write(`${formatTable(results)}\n`);
