// Review Poll Trigger fixtures shared by its own tests and the review-sync variants: the trigger's
// parameters for a list of business units, a poller with a fresh credential, and a drain loop.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { trustpilotCredential, type AuthMode, type EmulatorFixture } from './fixtures';

/** One row of the trigger's Business Units list, by ID. */
export const unitById = (id: string) => ({ businessUnit: { __rl: true, mode: 'id', value: id } });

/** Service reviews, event New, starting now, simplified, unless `extra` says otherwise. */
export function pollParameters(units: IDataObject[], extra: INodeParameters = {}): INodeParameters {
	return {
		reviewType: 'service',
		businessUnits: { unit: units },
		event: 'new',
		start: 'now',
		simplify: true,
		options: {},
		...extra,
	} as INodeParameters;
}

/** A poller over `units` with a fresh credential of the given kind (Client Credentials unless told). */
export async function pollerFor(
	fixture: EmulatorFixture,
	units: IDataObject[],
	extra: INodeParameters = {},
	mode: AuthMode = 'clientCredentials',
): Promise<PollRunner> {
	const credential = await trustpilotCredential(fixture, mode);
	return new PollRunner(fixture, credential, pollParameters(units, extra));
}

export const reviewIds = (items: IDataObject[]) => items.map((item) => String(item.id));

/**
 * Polls until a poll emits nothing (at most `maxPolls` times), each poll without an error:
 * every item emitted, and the size of each poll's batch (the empty last one included).
 */
export async function pollUntilEmpty(poller: PollRunner, maxPolls = 10) {
	const emitted: IDataObject[] = [];
	const sizes: number[] = [];
	for (let poll = 0; poll < maxPolls; poll++) {
		const outcome = await poller.poll();
		expect(outcome.error).toBeUndefined();
		sizes.push(outcome.items.length);
		emitted.push(...outcome.items);
		if (outcome.items.length === 0) break;
	}
	return { emitted, sizes };
}
