// File access for tests (.ts tests may not import fs/path under the strict n8n lint rules).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

/** Reads a file of the repository as UTF-8, by its path relative to the repository root. */
function readRepoFile(relativePath) {
	return fs.readFileSync(path.join(root, relativePath), 'utf8');
}

/** The entries of a folder of the repository: files and folders, by name. */
function listRepoFolder(relativePath) {
	return fs
		.readdirSync(path.join(root, relativePath), { withFileTypes: true })
		.map((entry) => ({ name: entry.name, isFolder: entry.isDirectory() }));
}

/** Whether a path of the repository exists. */
function repoFileExists(relativePath) {
	return fs.existsSync(path.join(root, relativePath));
}

module.exports = { readRepoFile, listRepoFolder, repoFileExists };
