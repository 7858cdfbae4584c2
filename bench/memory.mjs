// Peak memory of a 1,000,000-review backfill done in bounded polls, measured in a child process
// (process.resourceUsage().maxRSS), next to the same child doing one poll that finds nothing —
// the cost of n8n's engine and this package loaded, with no reviews in flight.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { pastStart } from './sync.mjs';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'memoryChild.mjs');

function runChild(args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CHILD, JSON.stringify(args)], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code) => {
			if (code !== 0)
				return reject(new Error(`memory child exited ${code}: ${stderr.slice(-2000)}`));
			resolve(JSON.parse(stdout.trim().split('\n').pop()));
		});
	});
}

export async function benchMemory(
	emulator,
	env,
	{ reviews = 1000000, maxItemsPerPoll = 10000 } = {},
) {
	await emulator.reset({ config: { logBodies: false } });
	let info = await emulator.info();
	const unit = info.businessUnits.find((candidate) => candidate.domain === 'example.de');
	const base = {
		adminUrl: emulator.handle.adminUrl,
		apiUrl: emulator.handle.apiUrl,
		invitationsUrl: emulator.handle.invitationsUrl,
		account: info.account,
		unitId: unit.id,
		maxItemsPerPoll,
	};
	const idle = await runChild({ ...base, start: 'now' }, env);
	const began = performance.now();
	// Reviews that already exist, as in every backfill row (the idle child above ran before them).
	const count = reviews - unit.reviewCount;
	await emulator.addReviews(unit.id, count, pastStart(count));
	const seedSeconds = (performance.now() - began) / 1000;
	info = await emulator.info();
	const total = info.businessUnits.find((candidate) => candidate.id === unit.id).reviewCount;
	const backfill = await runChild({ ...base, start: 'all' }, env);
	return { reviews: total, maxItemsPerPoll, seedSeconds, idle, backfill };
}
