import { sleep } from 'n8n-workflow';

import type { EmulatorClient, FaultSpec } from '../../harness/emulatorClient';

/** How long the chosen request is held in the emulator while the tokens are expired under it. */
const HOLD_MS = 600;

/**
 * Runs `action` (a poll, a Return All) and expires the access token (`accessToken`, or every
 * token) while one of its requests is in flight: a latency fault holds the (skip+1)-th matching
 * request, and as soon as the emulator has picked it up the token is expired, so that request
 * arrives with a token that has just died — the middle of pagination, as seen by the node.
 */
export async function expireTokensMidway<T>(
	client: EmulatorClient,
	match: FaultSpec['match'],
	skip: number,
	action: () => Promise<T>,
	accessToken?: string,
): Promise<{ result: T; expired: boolean }> {
	const faultId = await client.addFault({ match, action: { latencyMs: HOLD_MS }, skip, times: 1 });
	let done = false;
	const watcher = (async () => {
		while (!done) {
			const fault = (await client.faults()).find((candidate) => candidate.id === faultId);
			if (fault && fault.hits > 0) {
				await client.expireTokens(accessToken);
				return true;
			}
			await sleep(15);
		}
		return false;
	})();
	try {
		const result = await action();
		done = true;
		return { result, expired: await watcher };
	} finally {
		done = true;
		await client.removeFault(faultId).catch(() => undefined);
	}
}
