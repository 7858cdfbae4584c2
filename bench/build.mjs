// Compiles the engine harness (test/harness, the poll runner of test/TrustpilotReviewPollTrigger) and the package
// source to bench/.build with tsc, and copies the plain-JS files the compiled code requires.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const BUILD_DIR = path.join(BENCH_DIR, '.build');

// .cjs helpers the compiled harness requires; tsc does not copy them.
const PLAIN_FILES = ['test/harness/hygiene/runRecorder.cjs', 'test/harness/emulator.cjs'];

export function buildHarness() {
	fs.rmSync(BUILD_DIR, { recursive: true, force: true });
	const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	const result = spawnSync(process.execPath, [tsc, '-p', path.join(BENCH_DIR, 'tsconfig.json')], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}\n${result.stderr}`);
	for (const file of PLAIN_FILES) {
		const target = path.join(BUILD_DIR, file);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(path.join(REPO_ROOT, file), target);
	}
	// The node descriptions read their .json codex files and icons relative to the sources.
	return BUILD_DIR;
}

/** `require` for the compiled CommonJS harness. */
export async function loadBuilt(relativePath) {
	const { createRequire } = await import('node:module');
	return createRequire(import.meta.url)(path.join(BUILD_DIR, relativePath));
}
