// Responses slower than the transport's 60-second request timeout (the node has no option to
// lower it, so this file waits for real — its three cases run side by side, ~65 s in all):
// a poll re-asks for the page and loses nothing; an invitation and a reply are not resent and
// say their outcome is unknown, while the emulator performs each exactly once.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { recordRun } from '../harness/hygiene/runRecorder.cjs';
import { reportMetrics } from './support/report.cjs';
import { errorText, runTrustpilot } from './support/nodeRuns';

const fixture = useEmulator();
const PAST_TIMEOUT_MS = 61000;

describe('responses slower than the request timeout', () => {
	test('a poll, an email invitation and a reply, each held for 61 s', async () => {
		const info = await fixture.client.info();
		const unit = info.businessUnits.find((candidate) => candidate.domain === 'example.de')!.id;
		const credential = await trustpilotCredential(fixture, 'clientCredentials');

		// The poll: 250 new reviews, and the second page of the list is held past the timeout.
		const runner = new PollRunner(fixture, credential, {
			reviewType: 'service',
			businessUnits: { unit: [{ businessUnit: { __rl: true, mode: 'id', value: unit } }] },
			event: 'new',
			start: 'now',
			simplify: true,
			options: { lateWindowMinutes: 0 },
		} as INodeParameters);
		expect((await runner.poll()).error).toBeUndefined();
		const added = (
			await fixture.client.addReviews({ businessUnitId: unit, count: 250 })
		).reviews.map((review) => String(review.id));
		await fixture.client.addFault({
			match: { route: 'GET /v1/private/business-units/{businessUnitId}/reviews' },
			action: { latencyMs: PAST_TIMEOUT_MS },
			skip: 1,
		});
		await fixture.client.addFault({
			match: {
				route: 'POST /v1/private/business-units/{businessUnitId}/email-invitations',
				host: 'invitations',
			},
			action: { latencyMs: PAST_TIMEOUT_MS },
		});
		await fixture.client.addFault({
			match: { route: 'POST /v1/private/reviews/{reviewId}/reply' },
			action: { latencyMs: PAST_TIMEOUT_MS },
		});
		const reviewId = added[0];
		const reference = `ORDER-SLOW-${Date.now()}`;

		const began = Date.now();
		const [poll, invitation, reply] = await Promise.all([
			(async () => {
				const outcome = await runner.poll();
				recordRun('poll', { items: outcome.items, error: outcome.error }, credential);
				return outcome;
			})(),
			runTrustpilot(fixture, credential, {
				resource: 'invitation',
				operation: 'sendEmail',
				businessUnit: { __rl: true, mode: 'id', value: info.mainBusinessUnit.id },
				consumerEmail: 'slow.customer@mail.example.net',
				consumerName: 'Slow Customer',
				referenceNumber: reference,
				invitationType: 'service',
			}),
			runTrustpilot(fixture, credential, {
				resource: 'serviceReview',
				operation: 'reply',
				reviewId,
				message: 'Thanks for your patience.',
			}),
		]);
		const seconds = (Date.now() - began) / 1000;
		// The held writes are performed when their delay ends, after the node gave up on them: 61 s
		// after each was sent, which on a loaded machine can be well after the runs began. Wait for
		// both held requests (logged when their delay ends); a resend would have come before.
		const heldPosts = async () =>
			(await fixture.client.requests({ method: 'POST' })).filter(
				(entry) =>
					entry.faultId !== null &&
					(entry.path === `/v1/private/reviews/${reviewId}/reply` ||
						entry.path.endsWith('/email-invitations')),
			);
		while ((await heldPosts()).length < 2 && Date.now() - began < 140000) await sleep(500);
		const invitations = (await fixture.client.state()).emailInvitations.filter(
			(stored) => stored.referenceNumber === reference,
		);
		const replyPosts = (await fixture.client.requests({ method: 'POST' })).filter(
			(entry) => entry.path === `/v1/private/reviews/${reviewId}/reply`,
		);
		const storedReply = (await fixture.client.getReview(reviewId))
			.companyReply as IDataObject | null;

		const emitted = poll.items.map((item) => String(item.id));
		const metrics = {
			seconds: Number(seconds.toFixed(1)),
			poll: {
				error: poll.error?.message ?? null,
				emitted: emitted.length,
				lost: added.filter((id) => !emitted.includes(id)).length,
				duplicated: emitted.length - new Set(emitted).size,
			},
			invitation: { error: invitation.error?.message ?? null, stored: invitations.length },
			reply: {
				error: reply.error?.message ?? null,
				requests: replyPosts.length,
				stored: storedReply !== null,
			},
		};
		reportMetrics('timeouts', metrics);

		expect(seconds).toBeGreaterThan(59);
		expect(poll.error).toBeUndefined();
		expect(metrics.poll).toMatchObject({ emitted: 250, lost: 0, duplicated: 0 });
		expect(invitations).toHaveLength(1);
		expect(replyPosts).toHaveLength(1);
		expect(storedReply).not.toBeNull();
		for (const write of [invitation, reply]) {
			expect(write.error).toBeDefined();
			expect(errorText(write.error)).toMatch(/may already have been processed/);
			expect(write.error?.message).toMatch(/^Outcome unknown: /);
		}
	}, 150000);
});
