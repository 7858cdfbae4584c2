// Builds this package, packs it like `npm publish` would, and installs the tarball into an n8n
// user folder's `.n8n/nodes` — where n8n's own community-package installer puts packages — so
// the node types are the published `n8n-nodes-trustpilot.*` names.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { runtimeEnv } from './install.mjs';
import { PACK_DIR, REPO_ROOT } from './paths.mjs';
import { log, runCommand } from './process.mjs';

export const PACKAGE_NAME = JSON.parse(
	fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
).name;

/** `npm run build` + `npm pack`; returns the tarball's path and sha256. */
export async function buildAndPack() {
	// .ci/run builds once and then runs several n8n versions at once; their builds would race on dist/.
	if (process.env.N8N_E2E_SKIP_BUILD === 'true') {
		log('Using the existing build in dist/ (N8N_E2E_SKIP_BUILD=true) …');
	} else {
		log('Building the package (npm run build) …');
		await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT });
	}
	fs.mkdirSync(PACK_DIR, { recursive: true });
	const { stdout } = await runCommand(
		'npm',
		['pack', '--json', '--pack-destination', PACK_DIR, '--loglevel=error'],
		{ cwd: REPO_ROOT },
	);
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const tarball = path.join(PACK_DIR, packed.filename);
	const sha256 = crypto.createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
	log(
		`Packed ${packed.filename} (${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB).`,
	);
	return { tarball, sha256, files: packed.files.map((file) => file.path) };
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes`. Skipped when that exact tarball is already
 * installed (npm pack output is byte-stable, so an unchanged build gives the same hash).
 */
export async function installIntoUserFolder(userFolder, { tarball, sha256 }) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const markerFile = path.join(nodesDir, '.installed-tarball.json');
	const installedDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(nodesDir, { recursive: true });
	try {
		const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
		if (marker.sha256 === sha256 && fs.existsSync(path.join(installedDir, 'package.json'))) {
			log('Package unchanged since the last install into n8n: reusing it.');
			return { changed: false };
		}
	} catch {
		// first install
	}
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(
			manifest,
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
		);
	}
	// The tarball path never changes, so drop the previous copy to make npm take the new content.
	fs.rmSync(installedDir, { recursive: true, force: true });
	fs.rmSync(path.join(nodesDir, 'package-lock.json'), { force: true });
	log(`Installing ${path.basename(tarball)} into ${nodesDir} …`);
	// n8n-workflow is a peer dependency that n8n itself provides at run time.
	await runCommand(
		'npm',
		[
			'install',
			tarball,
			'--omit=peer',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--loglevel=error',
		],
		{ cwd: nodesDir, env: runtimeEnv() },
	);
	fs.writeFileSync(
		markerFile,
		`${JSON.stringify({ sha256, tarball: path.basename(tarball) }, null, 2)}\n`,
	);
	return { changed: true };
}
