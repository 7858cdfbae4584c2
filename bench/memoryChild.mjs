// Child process of the memory benchmark: a Review Poll Trigger backfilling one business unit in
// bounded polls (as an active workflow would), then its peak resident memory. Arguments: one JSON.
// It keeps only counters (no list of ids), so the peak is the trigger's, not the benchmark's.
import { loadBuilt } from './build.mjs';

const { adminUrl, apiUrl, invitationsUrl, account, unitId, maxItemsPerPoll, start } = JSON.parse(
	process.argv[2],
);
const engine = await loadBuilt('test/harness/engine.js');
const { PollRunner } = await loadBuilt('test/triggers/pollRunner.js');
const { EmulatorClient } = await loadBuilt('test/harness/emulatorClient.js');

const store = new engine.CredentialStore();
const ref = store.add({
	id: 'bench-memory',
	name: 'Trustpilot (bench)',
	type: 'trustpilotApi',
	data: {
		// Memory, not pace: pacing at the documented limits would stretch this over hours (pacing.mjs).
		rateLimits: 'off',
		environment: 'custom',
		apiBaseUrl: apiUrl,
		invitationsBaseUrl: invitationsUrl,
		apiKey: account.apiKey,
		apiSecret: account.apiSecret,
		authentication: 'clientCredentials',
		businessUserId: account.businessUser.id,
	},
});
const runner = new PollRunner(
	{ client: new EmulatorClient(adminUrl) },
	{ store, credentials: { trustpilotApi: ref } },
	{
		reviewType: 'service',
		businessUnits: { unit: [{ businessUnit: { __rl: true, mode: 'id', value: unitId } }] },
		event: 'new',
		start,
		simplify: true,
		options: { maxItemsPerPoll, lateWindowMinutes: 0 },
	},
);

const began = performance.now();
let items = 0;
let polls = 0;
let largestPoll = 0;
for (;;) {
	const outcome = await runner.poll();
	polls++;
	if (outcome.error) throw outcome.error;
	items += outcome.items.length;
	largestPoll = Math.max(largestPoll, outcome.items.length);
	if (outcome.items.length === 0) break;
}
process.stdout.write(
	`${JSON.stringify({ items, polls, largestPoll, seconds: (performance.now() - began) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
