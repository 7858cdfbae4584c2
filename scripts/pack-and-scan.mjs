// Packs the package like `npm publish` would and runs n8n's community-package analyser on both the
// source and the tarball. The analyser's CLI needs a published, attested package and exits 0 even on
// findings, so its exported analyzePackage is called directly and findings fail this script.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tp-pack-'));
const problems = [];

try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const { filename, files } = packed[0];
	const paths = files.map((file) => file.path);
	console.log(`packed ${filename}: ${paths.length} files`);

	const allowed = /^(dist\/|package\.json$|README\.md$|LICENSE\.md$)/;
	for (const path of paths.filter((p) => !allowed.test(p)))
		problems.push(`unexpected file in tarball: ${path}`);
	for (const required of ['dist/icons/trustpilot.svg', 'dist/icons/trustpilot.dark.svg']) {
		if (!paths.includes(required)) problems.push(`missing from tarball: ${required}`);
	}
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		if (!paths.includes(entry)) problems.push(`package.json n8n entry not in tarball: ${entry}`);
	}
	for (const node of manifest.n8n.nodes) {
		const codex = node.replace(/\.js$/, '.json');
		if (!paths.includes(codex)) problems.push(`codex file missing: ${codex}`);
	}
	if (paths.some((p) => /emulator|\/test\/|\.test\./.test(p)))
		problems.push('test or emulator code in the tarball');
	if (Object.keys(manifest.dependencies ?? {}).length)
		problems.push('runtime dependencies are not allowed');

	execFileSync('tar', ['-xzf', join(work, filename), '-C', work]);
	const checks = [
		['source', root, SOURCE_FILE_PATTERNS],
		['tarball', join(work, 'package'), ['**/*.js', 'package.json']],
	];
	for (const [label, dir, patterns] of checks) {
		const result = await analyzePackage(dir, patterns);
		console.log(`scan ${label}: ${result.passed ? 'no findings' : result.message}`);
		if (!result.passed)
			problems.push(`scanner findings in ${label}:\n${result.details ?? result.message}`);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log('pack and scan: 0 findings');
