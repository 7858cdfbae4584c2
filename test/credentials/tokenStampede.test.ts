// Queue mode's token stampede, within one process: many executions find the stored token expired
// at the same moment. The credential must ask Trustpilot once, not once per execution (Trustpilot
// answers 429 to more than a handful of token requests a minute).
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { forgetMintedTokens, mintTokenOncePerProcess } from '../../credentials/trustpilotAuth';
import { runNode } from '../harness/engine';
import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';
import { TRUSTPILOT_PROBE_TYPE } from '../harness/testNodes';

const emulator = useEmulator();

const credentials = (accessToken: string): ICredentialDataDecryptedObject => ({
	authentication: 'clientCredentials',
	environment: 'custom',
	apiBaseUrl: 'http://127.0.0.1:1/v1',
	apiKey: 'stampede-key',
	apiSecret: 'stampede-secret',
	accessToken,
});

/** A token request the test resolves or rejects by hand, counting how often it was made. */
function controllableMint() {
	const calls: Array<{ resolve: (value: IDataObject) => void; reject: (error: Error) => void }> =
		[];
	const mint = () =>
		new Promise<IDataObject>((resolve, reject) => {
			calls.push({ resolve, reject });
		});
	return { calls, mint };
}

describe('token stampede guard (mintTokenOncePerProcess)', () => {
	beforeEach(() => forgetMintedTokens());

	it('callers arriving while a token request is under way share its answer', async () => {
		const { calls, mint } = controllableMint();
		const waiting = Array.from({ length: 25 }, () =>
			mintTokenOncePerProcess(credentials('tpa-stale'), mint),
		);
		await Promise.resolve();
		expect(calls).toHaveLength(1);
		calls[0].resolve({ accessToken: 'tpa-new', refreshToken: '' });
		const results = await Promise.all(waiting);
		expect(new Set(results.map((result) => result.accessToken))).toEqual(new Set(['tpa-new']));
	});

	it('a caller still holding the replaced token gets the replacement without a new request', async () => {
		const { calls, mint } = controllableMint();
		const first = mintTokenOncePerProcess(credentials('tpa-stale'), mint);
		calls[0].resolve({ accessToken: 'tpa-new' });
		await first;
		const late = await mintTokenOncePerProcess(credentials('tpa-stale'), mint);
		expect(late.accessToken).toBe('tpa-new');
		expect(calls).toHaveLength(1);
	});

	it('a token this process did not replace (the replacement itself, or another process’s) is asked for anew', async () => {
		const { calls, mint } = controllableMint();
		const first = mintTokenOncePerProcess(credentials('tpa-stale'), mint);
		calls[0].resolve({ accessToken: 'tpa-new' });
		await first;
		// The replacement answered 401 too: asking again is the only way out.
		const again = mintTokenOncePerProcess(credentials('tpa-new'), mint);
		await Promise.resolve();
		expect(calls).toHaveLength(2);
		calls[1].resolve({ accessToken: 'tpa-newer' });
		expect((await again).accessToken).toBe('tpa-newer');
		// A token minted by another worker and now expired is not ours to replace from memory.
		const foreign = mintTokenOncePerProcess(credentials('tpa-from-worker-2'), mint);
		await Promise.resolve();
		expect(calls).toHaveLength(3);
		calls[2].resolve({ accessToken: 'tpa-newest' });
		expect((await foreign).accessToken).toBe('tpa-newest');
	});

	it('a refused request fails everyone waiting for it, and the next caller asks again', async () => {
		const { calls, mint } = controllableMint();
		const waiting = [1, 2, 3].map(() => mintTokenOncePerProcess(credentials('tpa-stale'), mint));
		calls[0].reject(new Error('HTTP 429'));
		for (const outcome of await Promise.allSettled(waiting)) {
			expect(outcome.status).toBe('rejected');
		}
		const retry = mintTokenOncePerProcess(credentials('tpa-stale'), mint);
		await Promise.resolve();
		expect(calls).toHaveLength(2);
		calls[1].resolve({ accessToken: 'tpa-ok' });
		expect((await retry).accessToken).toBe('tpa-ok');
	});

	it('different credentials never share a token', async () => {
		const { calls, mint } = controllableMint();
		const a = mintTokenOncePerProcess(credentials('tpa-stale'), mint);
		const b = mintTokenOncePerProcess({ ...credentials('tpa-stale'), apiSecret: 'other' }, mint);
		await Promise.resolve();
		expect(calls).toHaveLength(2);
		calls[0].resolve({ accessToken: 'tpa-a' });
		calls[1].resolve({ accessToken: 'tpa-b' });
		expect([(await a).accessToken, (await b).accessToken]).toEqual(['tpa-a', 'tpa-b']);
	});

	it('the replacement is reused only for a while, then a holder of the old token asks again', async () => {
		let clock = 1_000_000;
		const now = () => clock;
		const { calls, mint } = controllableMint();
		const first = mintTokenOncePerProcess(credentials('tpa-stale'), mint, now);
		calls[0].resolve({ accessToken: 'tpa-new' });
		await first;
		clock += 11 * 60 * 1000;
		const late = mintTokenOncePerProcess(credentials('tpa-stale'), mint, now);
		await Promise.resolve();
		expect(calls).toHaveLength(2);
		calls[1].resolve({ accessToken: 'tpa-later' });
		expect((await late).accessToken).toBe('tpa-later');
	});
});

describe.each<AuthMode>(['clientCredentials', 'password'])(
	'%s: 30 executions at once with the stored token expired',
	(mode) => {
		it('make one token request between them, and every execution succeeds', async () => {
			const credential = await trustpilotCredential(emulator, mode);
			const info = await emulator.client.info();
			const path = `/private/business-units/${info.mainBusinessUnit.id}`;
			const probe = () =>
				runNode(
					{
						type: TRUSTPILOT_PROBE_TYPE,
						name: 'Probe',
						parameters: { path, access: 'private', host: 'api' },
						credentials: credential.credentials as never,
					},
					[{}],
					credential.store,
				);
			expect((await probe()).error).toBeUndefined();
			const before = (await emulator.client.counters()).tokenRequests.total;
			await emulator.client.expireTokens();

			const results = await Promise.all(Array.from({ length: 30 }, probe));
			for (const result of results) expect(result.error).toBeUndefined();
			const counters = (await emulator.client.counters()).tokenRequests;
			expect(counters.total - before).toBe(1);
			expect(counters.rateLimited).toBe(0);
		});
	},
);
