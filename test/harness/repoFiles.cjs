// File access for tests (.ts tests may not import fs/path under the strict n8n lint rules).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

/** Reads a file of the repository as UTF-8, by its path relative to the repository root. */
function readRepoFile(relativePath) {
	return fs.readFileSync(path.join(root, relativePath), 'utf8');
}

module.exports = { readRepoFile };
