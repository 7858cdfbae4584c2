'use strict';
// Writes measurements of the trigger soak tests to .cache/trigger-metrics/<name>.json (git-ignored),
// so the numbers quoted in reports come from a run, not from memory. Plain JS: .ts tests may not
// touch the file system under the n8n lint rules.
const fs = require('node:fs');
const path = require('node:path');

function writeMetrics(name, data) {
	const folder = path.join(__dirname, '..', '..', '.cache', 'trigger-metrics');
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(path.join(folder, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

module.exports = { writeMetrics };
