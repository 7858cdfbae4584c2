// The token endpoint's own rate limiter (5 tokens per key and minute in the emulator, 1 here):
// the token request backs off like every other call (4 retries, 1 s → 8 s without Retry-After),
// and only a 429 that outlasts the backoff is reported, saying to wait. Moved from the
// credential tests because the real backoff takes about 10 s.
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore, runNode } from '../harness/engine';
import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { TRUSTPILOT_PROBE_TYPE } from '../harness/testNodes';

const emulator = useEmulator();

async function probe(
	credential: { credentials: IDataObject; store: CredentialStore },
	path: string,
) {
	return await runNode(
		{
			type: TRUSTPILOT_PROBE_TYPE,
			name: 'Probe',
			parameters: { path, access: 'private', host: 'api' },
			credentials: credential.credentials as never,
		},
		[{}],
		credential.store,
	);
}

test('token requested too often: backed off like other calls, then "too often … retry"', async () => {
	await emulator.client.config({ tokenRateLimit: { max: 1, windowSeconds: 60 } });
	const path = `/private/business-units/${(await emulator.client.info()).mainBusinessUnit.id}`;
	const first = await trustpilotCredential(emulator, 'clientCredentials');
	expect((await probe(first, path)).error).toBeUndefined();
	// A second, separate credential with the same key must mint its own token: the limit bites.
	const second = await trustpilotCredential(
		emulator,
		'clientCredentials',
		{},
		new CredentialStore(),
	);
	const started = Date.now();
	const result = await probe(second, path);
	expect(`${result.error?.message} ${JSON.stringify(result.error)}`).toMatch(
		/too often[\s\S]*retry/i,
	);
	// The first refusal plus four retries of the documented policy, spread over the backoff.
	expect((await emulator.client.counters()).tokenRequests.rateLimited).toBe(5);
	expect(Date.now() - started).toBeGreaterThanOrEqual(7500);
}, 60000);
