'use strict';
// Prints a fault test's counts (jest shows console output with the test file) and keeps them in
// .cache/fault-metrics/<name>.json (git-ignored) so reports quote a run, not memory. Plain JS:
// .ts tests may neither print nor write files under the n8n lint rules.
const fs = require('node:fs');
const path = require('node:path');

function reportMetrics(name, data) {
	const folder = path.join(__dirname, '..', '..', '..', '.cache', 'fault-metrics');
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(path.join(folder, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
	console.log(`[fault metrics] ${name}: ${JSON.stringify(data)}`);
}

module.exports = { reportMetrics };
