// `node bench/readme.mjs`: writes the table of bench/results.json into README.md between the
// bench-table markers, so the README shows what the last `npm run bench` measured, not a copy.
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './build.mjs';
import { formatTable } from './table.mjs';

const README = path.join(REPO_ROOT, 'README.md');
const START = '<!-- bench-table: start -->';
const END = '<!-- bench-table: end -->';

const results = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'bench', 'results.json'), 'utf8'));
const readme = fs.readFileSync(README, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block`);

// When sections come from different runs (BENCH_ONLY), say when each was measured.
const measured = Object.entries(results.measuredAt ?? {})
	.map(([section, { startedAt }]) => `${section} ${startedAt.slice(0, 16).replace('T', ' ')} UTC`)
	.join(', ');
const block = [START, formatTable(results), '', `Sections measured: ${measured}.`, END].join('\n');
fs.writeFileSync(README, readme.slice(0, from) + block + readme.slice(to + END.length));
process.stdout.write(`README.md: bench table from ${results.startedAt}\n`);
