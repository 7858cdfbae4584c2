// Where a webhook request's CPU goes on a real n8n: one fresh instance per side (the Trustpilot
// Trigger, n8n's own Webhook node), each receiving only its own stream of events, with the n8n
// main process under `--cpu-prof`. Reports, per request, the process's CPU time (all threads,
// from /proc, so work in isolated-vm's own threads counts too) and the main thread's self time by
// package and by function, from the profile samples taken while the events were being served.
//
// `node bench/webhookProfile.mjs` (N8N_VERSION=2.41.3 for another installed n8n) writes
// bench/webhook-profile-<version>.md; the raw .cpuprofile files stay in .cache/profiles.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { buildAndPack } from '../scripts/n8n/package.mjs';
import { CACHE_DIR, N8N_VERSION, REPO_ROOT } from '../scripts/n8n/paths.mjs';
import {
	N8N_WEBHOOK,
	TRUSTPILOT,
	TRUSTPILOT_V2,
	WEBHOOK_ENGINES,
	pass,
	realN8nInstalled,
	startBenchInstance,
} from './webhook.mjs';

const EVENTS = Number(process.env.BENCH_PROFILE_EVENTS ?? 200);
const TOP = 12;
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process, all its threads, in ms. */
function processCpuMs(pid) {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name may contain spaces; fields after it are space-separated.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1000;
}

/** Both V8 profile timestamps and process.hrtime use the monotonic clock: µs. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Package (or runtime area) a profile frame's script belongs to. */
function areaOf(url, functionName) {
	if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
	if (url.startsWith('node:')) return 'node: internals';
	const at = url.lastIndexOf('node_modules/');
	if (at < 0) return url.replace(/^file:\/\//, '');
	const rest = url.slice(at + 'node_modules/'.length).split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

function shortUrl(url) {
	const at = url.lastIndexOf('node_modules/');
	return at < 0 ? url : url.slice(at + 'node_modules/'.length);
}

/** Self time (µs) per area and per function, from the samples inside [fromUs, toUs]. */
function summarise(profile, fromUs, toUs) {
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const selfByNode = new Map();
	let time = profile.startTime;
	for (let index = 0; index < profile.samples.length; index++) {
		time += profile.timeDeltas[index];
		if (time < fromUs || time > toUs) continue;
		const delta = profile.timeDeltas[index + 1] ?? 0;
		const id = profile.samples[index];
		selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
	}
	const byArea = new Map();
	const byFunction = new Map();
	for (const [id, micros] of selfByNode) {
		const { functionName, url, lineNumber } = nodes.get(id).callFrame;
		const name = functionName || '(anonymous)';
		const area = areaOf(url, name);
		byArea.set(area, (byArea.get(area) ?? 0) + micros);
		const key = url ? `${name} — ${shortUrl(url)}:${lineNumber + 1}` : name;
		byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
	}
	const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
	const ownMicros = [...byArea]
		.filter(([area]) => area.includes('n8n-nodes-trustpilot'))
		.reduce((sum, [, micros]) => sum + micros, 0);
	return { byArea: sorted(byArea), byFunction: sorted(byFunction), ownMicros };
}

async function profileSide(packed, flow, engine) {
	const dir = path.join(CACHE_DIR, 'profiles', `${N8N_VERSION}-${engine.name}-${flow.id}`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const env = { ...engine.env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` };
	const { instance, urls, stop } = await startBenchInstance(packed, env, [flow], 'bench-profile');
	const pid = instance.server.child.pid;
	let measured;
	try {
		await pass(instance, urls[flow.id], flow.id, 30, 0);
		const cpuBefore = processCpuMs(pid);
		const fromUs = monotonicMicros();
		measured = await pass(instance, urls[flow.id], flow.id, EVENTS, 1000);
		const toUs = monotonicMicros();
		measured.served = EVENTS - measured.failed;
		measured.cpuMsPerEvent = (processCpuMs(pid) - cpuBefore) / measured.served;
		measured.window = [fromUs, toUs];
	} finally {
		await stop();
	}
	const file = fs.readdirSync(dir).find((name) => name.includes(`.${pid}.`));
	if (!file) throw new Error(`no profile of the n8n main process (pid ${pid}) in ${dir}`);
	const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	return { ...measured, ...summarise(profile, ...measured.window) };
}

const ms = (micros, events) => (micros / 1000 / events).toFixed(3);

function section(label, side) {
	const lines = [`### ${label}`, ''];
	lines.push(
		`${side.served} events served, ${side.finishedPerSecond.toFixed(1)} finished/s (${side.lost} executions lost to n8n's SQLite lock timeouts); n8n process CPU (all threads) **${side.cpuMsPerEvent.toFixed(2)} ms per event**.`,
		'',
		`This package's own code (n8n-nodes-trustpilot frames): ${ms(side.ownMicros, side.served)} ms/event of main-thread self time.`,
		'',
		'| Main-thread self time by package | ms/event |',
		'| --- | ---: |',
	);
	for (const [area, micros] of side.byArea.slice(0, TOP))
		lines.push(`| ${area} | ${ms(micros, side.served)} |`);
	lines.push('', '| Top functions by self time | ms/event |', '| --- | ---: |');
	for (const [name, micros] of side.byFunction.slice(0, TOP))
		lines.push(`| ${name.replace(/\|/g, '\\|')} | ${ms(micros, side.served)} |`);
	lines.push('');
	return lines;
}

if (!realN8nInstalled()) {
	process.stderr.write('no real n8n install: run `npm start` (or scripts/n8n/install.mjs) first\n');
	process.exit(1);
}
const engineName = process.env.BENCH_PROFILE_ENGINE ?? 'vm';
const engine = WEBHOOK_ENGINES.find((candidate) => candidate.name === engineName);
if (!engine) throw new Error(`BENCH_PROFILE_ENGINE: unknown ${engineName}`);
/** BENCH_TARBALL reuses a packed build, e.g. while a bench run installs from the pack folder. */
async function packedBuild() {
	const tarball = process.env.BENCH_TARBALL;
	if (!tarball) return await buildAndPack();
	const sha256 = crypto.createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
	return { tarball: path.resolve(tarball), sha256 };
}
const packed = await packedBuild();
const trustpilot = await profileSide(packed, TRUSTPILOT, engine);
const trustpilotV2 = await profileSide(packed, TRUSTPILOT_V2, engine);
const n8n = await profileSide(packed, N8N_WEBHOOK, engine);
const perEvent = (side) =>
	`${side.cpuMsPerEvent.toFixed(2)} ms (${(side.cpuMsPerEvent / n8n.cpuMsPerEvent).toFixed(2)}×)`;
const out = path.join(REPO_ROOT, 'bench', `webhook-profile-${N8N_VERSION}.md`);
const lines = [
	`# Webhook request profile, n8n ${N8N_VERSION} (${engine.label})`,
	'',
	"Written by `node bench/webhookProfile.mjs`: one fresh n8n per side, only that side's events",
	`(${EVENTS} single-event POSTs, 8 in flight, after 30 warm-up events), n8n main process under`,
	'`--cpu-prof`; self time counts only the samples taken while the events were served.',
	'',
	`n8n process CPU per event: Trustpilot Trigger version 1 ${perEvent(trustpilot)}, version 2 ${perEvent(trustpilotV2)}, n8n's Webhook node ${n8n.cpuMsPerEvent.toFixed(2)} ms.`,
	'',
	...section('Trustpilot Trigger, node version 1', trustpilot),
	...section('Trustpilot Trigger, node version 2', trustpilotV2),
	...section("n8n's Webhook node", n8n),
];
fs.writeFileSync(out, `${lines.join('\n')}`);
process.stderr.write(
	`${lines.slice(0, 8).join('\n')}\nwritten: ${path.relative(REPO_ROOT, out)}\n`,
);
