// End-to-end suite: the packed package installed into a real n8n 2.40.7 (Node 24, from .cache/),
// the demo workflows from examples/ run against the Trustpilot emulator and a mail catcher.
// Run with `npm run test:e2e`. The first run installs the runtime (minutes); later runs reuse it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { formatDuration } from '../../scripts/n8n/process.mjs';
import { aiTests } from './ai.mjs';
import { ctx, emulatorAdmin, startE2eStack, stopE2eStack } from './context.mjs';
import { orderTests } from './orders.mjs';
import { packageTests } from './package.mjs';
import { reviewTests } from './reviews.mjs';

describe('n8n-nodes-trustpilot in a real n8n', () => {
	before(
		async () => {
			const stack = await startE2eStack();
			const timings = Object.entries(stack.timings).map(
				([step, ms]) => `${step} ${formatDuration(ms)}`,
			);
			process.stdout.write(`# e2e stack ready: ${timings.join(', ')}\n`);
		},
		{ timeout: 45 * 60 * 1000 },
	);
	after(stopE2eStack, { timeout: 60000 });

	packageTests();
	reviewTests();
	orderTests();
	aiTests();

	test('the Trustpilot credential minted one access token, reused by every run above', async () => {
		const counters = await emulatorAdmin('GET', '/counters');
		assert.equal(
			counters.tokenRequests.issued,
			1,
			`tokens issued: ${JSON.stringify(counters.tokenRequests)}`,
		);
		const uses = Object.values(counters.requestsByToken);
		assert.equal(uses.length, 1, 'requests were made with more than one token');
		assert.ok(uses[0] >= 2, `the token was used ${uses[0]} time(s)`);
		assert.ok(ctx.stack.instance, 'stack is up');
	});
});
