'use strict';
// Runs the package's shared UTC date parser in a child Node process under a given TZ, so a test
// can prove that "a date without a zone means UTC" does not depend on the machine's zone.
// (TypeScript tests may not touch process/child_process under the lint rules, hence plain JS.)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.join(__dirname, '..', '..');
const outDir = path.join(root, '.n8n-test', 'tz-check');

function compiledParser() {
	const source = fs.readFileSync(path.join(root, 'nodes', 'shared', 'validate.ts'), 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021 },
	});
	fs.mkdirSync(outDir, { recursive: true });
	const file = path.join(outDir, `validate-${process.pid}.js`);
	fs.writeFileSync(file, outputText);
	return file;
}

/**
 * Parses every input under `tz` and returns, per input, the UTC ISO string or `error: <message>`,
 * plus what the process's own clock thinks the zone offset is (to prove TZ took effect).
 */
function parseUnderTimeZone(tz, inputs) {
	const parser = compiledParser();
	const script = `
    const { parseUtcDate } = require(${JSON.stringify(parser)});
    const ctx = { getNode: () => ({ name: 'TZ check', type: 'tz', typeVersion: 1, position: [0, 0], parameters: {} }) };
    const results = JSON.parse(process.argv[1]).map((input) => {
      try { return parseUtcDate(ctx, 0, 'Date', input).toISOString(); }
      catch (error) { return 'error: ' + error.message; }
    });
    process.stdout.write(JSON.stringify({ offsetMinutes: new Date('2024-05-01T12:00:00').getTimezoneOffset(), results }));
  `;
	try {
		const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(inputs)], {
			cwd: root,
			env: { ...process.env, TZ: tz },
			encoding: 'utf8',
		});
		return JSON.parse(out);
	} finally {
		fs.rmSync(parser, { force: true });
	}
}

module.exports = { parseUnderTimeZone };
