// Demo helper for a running `npm start`: creates a new review in the emulator and delivers the
// matching Trustpilot webhook event to every published Trustpilot Trigger, as Trustpilot would.
// Usage: node scripts/n8n/fire-review.mjs [--stars 1] [--text "…"] [--title "…"] [--event service-review-created] [--queue]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { instanceDir } from './paths.mjs';

const { values } = parseArgs({
	options: {
		stars: { type: 'string', default: '1' },
		text: { type: 'string', default: 'The parcel arrived broken and nobody answered my emails.' },
		title: { type: 'string', default: 'Disappointed' },
		event: { type: 'string', default: 'service-review-created' },
		// The `npm run start:queue` demo (events go to its webhook processor).
		queue: { type: 'boolean', default: false },
	},
});

const demoFile = path.join(instanceDir(values.queue ? 'demo-main' : 'demo'), 'demo.json');
if (!fs.existsSync(demoFile)) {
	process.stderr.write('No running demo found: start it with `npm start` first.\n');
	process.exit(1);
}
const demo = JSON.parse(fs.readFileSync(demoFile, 'utf8'));
const targets = demo.endpoints.filter((endpoint) =>
	endpoint.nodeType.endsWith('.trustpilotTrigger'),
);
if (targets.length === 0) {
	process.stderr.write('No published Trustpilot Trigger workflow in the demo.\n');
	process.exit(1);
}

async function admin(route, body) {
	const response = await fetch(`${demo.emulatorAdmin}${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const result = await response.json();
	if (!response.ok) throw new Error(`${route} → ${response.status}: ${JSON.stringify(result)}`);
	return result;
}

const { reviews } = await admin('/reviews', {
	businessUnitId: demo.mainBusinessUnit.id,
	stars: Number(values.stars),
	text: values.text,
	title: values.title,
});
const review = reviews[0];
process.stdout.write(`Created a ${review.stars}-star review ${review.id} ("${review.title}").\n`);
for (const target of targets) {
	const delivery = await admin('/webhooks/fire', {
		url: target.urlWithAuth,
		reviewId: review.id,
		eventName: values.event,
	});
	process.stdout.write(
		`Delivered ${values.event} to "${target.nodeName}" (${target.url}): HTTP ${delivery.status}\n`,
	);
}
process.stdout.write(
	`See the executions in n8n (${demo.n8n}/home/executions), the review (and any reply) at ${demo.emulatorAdmin}/reviews/${review.id}.\n`,
);
