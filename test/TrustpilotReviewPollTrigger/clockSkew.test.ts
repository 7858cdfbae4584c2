// The n8n host's clock and Trustpilot's disagree: reviews are stamped by Trustpilot's clock, the
// poll runs on n8n's. The n8n clock is moved in this process only (the emulator, a child
// process, keeps the real time), so every review looks minutes or hours old or in the future.
import type { IDataObject } from 'n8n-workflow';

import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';
import {
	pollerFor,
	pollParameters,
	pollUntilEmpty,
	reviewIds,
	unitById,
} from '../harness/reviewSync';
import { PollRunner } from './pollRunner';
import { businessUnitByDomain } from './truth';

const fixture = useEmulator();

const MINUTE = 60 * 1000;
const realNow = Date.now.bind(Date);

/** n8n's clock runs `offsetMs` ahead of Trustpilot's (behind when negative). */
function skewClock(offsetMs: number) {
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
}

afterEach(() => jest.restoreAllMocks());

/** A "Start From: Now" poller with the default credential (calls paced, budget per process). */
async function nowPoller(businessUnitId: string, mode: AuthMode = 'clientCredentials') {
	const credential = await trustpilotCredential(fixture, mode);
	return new PollRunner(fixture, credential, pollParameters([unitById(businessUnitId)]));
}

describe('Review Poll Trigger: n8n clock and Trustpilot clock disagree', () => {
	it.each([
		['private', 'clientCredentials', 30],
		['private', 'clientCredentials', 180],
		['public', 'apiKey', 30],
		['public', 'apiKey', 180],
	] as const)(
		'%s reviews (%s), n8n %i minutes ahead: "Start From: Now" emits every review written after the first poll',
		async (_label, mode, minutesAhead) => {
			skewClock(minutesAhead * MINUTE);
			const unit = await businessUnitByDomain(fixture, 'example.de');
			const poller = await nowPoller(unit.id, mode);
			const first = await poller.poll();
			expect(first.error).toBeUndefined();
			expect(first.items).toEqual([]);
			const added = (await fixture.client.addReviews({ businessUnitId: unit.id, count: 3 }))
				.reviews;
			const { emitted } = await pollUntilEmpty(poller);
			expect(reviewIds(emitted as IDataObject[])).toEqual(reviewIds(added));
		},
	);

	it.each([30, 180])(
		'n8n %i minutes behind: "Start From: Now" emits only the reviews written after the first poll, once',
		async (minutesBehind) => {
			skewClock(-minutesBehind * MINUTE);
			const unit = await businessUnitByDomain(fixture, 'example.de');
			const poller = await nowPoller(unit.id);
			expect((await poller.poll()).items).toEqual([]);
			const added = (await fixture.client.addReviews({ businessUnitId: unit.id, count: 3 }))
				.reviews;
			const { emitted } = await pollUntilEmpty(poller);
			expect(reviewIds(emitted as IDataObject[])).toEqual(reviewIds(added));
		},
	);
});

describe('Review Poll Trigger: the n8n host clock is set back while n8n runs', () => {
	it('polls on after the clock goes back by hours (pacing keeps its own time)', async () => {
		const unit = await businessUnitByDomain(fixture, 'example.de');
		// The default credential: calls are paced, and the budget is kept per API key in the process.
		const poller = await pollerFor(fixture, [unitById(unit.id)]);
		skewClock(3 * 60 * MINUTE);
		expect((await poller.poll()).error).toBeUndefined();
		// NTP (or an operator) corrects the clock: three hours back.
		jest.restoreAllMocks();
		const added = (await fixture.client.addReviews({ businessUnitId: unit.id, count: 2 })).reviews;
		const { emitted } = await pollUntilEmpty(poller);
		expect(reviewIds(emitted as IDataObject[])).toEqual(reviewIds(added));
	});
});
