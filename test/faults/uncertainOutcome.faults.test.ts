// "Processed, then the response failed": the emulator performs the write, then answers 5xx, an
// HTML page, a cut-off body or drops the connection. The node must not send it again (no second
// invitation, reply, reviewer request or comment) and must say the outcome is unknown; with
// continueOnFail the other items still run.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EmulatorInfo, FaultSpec } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type EmulatorFixture } from '../harness/fixtures';
import { reportMetrics } from './support/report.cjs';
import { errorText, runTrustpilot } from './support/nodeRuns';

const fixture = useEmulator();

const RETRY_NOW = { 'Retry-After': '0' };
// Retry-After: 0 on the 5xx answers invites an immediate resend; the node must still not resend.
const AFTER_PROCESS_FAULTS: Array<{ name: string; action: FaultSpec['action'] }> = [
	{ name: '500', action: { afterProcess: true, status: 500 } },
	{ name: '502', action: { afterProcess: true, status: 502, headers: RETRY_NOW } },
	{ name: '503', action: { afterProcess: true, status: 503, headers: RETRY_NOW } },
	{ name: 'HTML 502', action: { afterProcess: true, html: true, status: 502, headers: RETRY_NOW } },
	{ name: 'connection reset', action: { afterProcess: true, reset: true } },
	{ name: 'truncated body', action: { truncateJson: true } },
];

interface WriteCase {
	name: string;
	/** The POST route whose second request (item 2) is answered with the fault. */
	route: string;
	host?: 'api' | 'invitations';
	prepare(info: EmulatorInfo): Promise<IDataObject[]>;
	parameters(info: EmulatorInfo): INodeParameters;
	/** How many times the emulator performed the write for each input item. */
	performed(fixture: EmulatorFixture, inputs: IDataObject[]): Promise<number[]>;
}

const freshReviews = async (info: EmulatorInfo) =>
	(
		await fixture.client.addReviews({ businessUnitId: info.mainBusinessUnit.id, count: 3 })
	).reviews.map((review) => ({
		reviewId: String(review.id),
	}));

const CASES: WriteCase[] = [
	{
		name: 'Send Email Invitation',
		route: 'POST /v1/private/business-units/{businessUnitId}/email-invitations',
		host: 'invitations',
		prepare: async () =>
			[1, 2, 3].map((n) => ({
				email: `customer${n}@mail.example.net`,
				ref: `ORDER-U${n}-${Date.now()}`,
			})),
		parameters: (info) => ({
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit: { __rl: true, mode: 'id', value: info.mainBusinessUnit.id },
			consumerEmail: '={{ $json.email }}',
			consumerName: 'Åsa Ñúñez 山田',
			referenceNumber: '={{ $json.ref }}',
			invitationType: 'service',
		}),
		performed: async (emulator, inputs) => {
			const { emailInvitations } = await emulator.client.state();
			return inputs.map(
				(input) => emailInvitations.filter((stored) => stored.referenceNumber === input.ref).length,
			);
		},
	},
	{
		name: 'Service Review Reply',
		route: 'POST /v1/private/reviews/{reviewId}/reply',
		prepare: freshReviews,
		parameters: () => ({
			resource: 'serviceReview',
			operation: 'reply',
			reviewId: '={{ $json.reviewId }}',
			message: 'Thank you — sorry about the delay.',
		}),
		// A second reply would replace the first, so count what reached the handler.
		performed: async (emulator, inputs) => {
			const log = await emulator.client.requests({ method: 'POST' });
			return inputs.map(
				(input) =>
					log.filter(
						(entry) => entry.path === `/v1/private/reviews/${String(input.reviewId)}/reply`,
					).length,
			);
		},
	},
	{
		name: 'Find Reviewer',
		route: 'POST /v1/private/reviews/{reviewId}/find-reviewer',
		prepare: freshReviews,
		parameters: () => ({
			resource: 'serviceReview',
			operation: 'findReviewer',
			reviewId: '={{ $json.reviewId }}',
			message: 'Could you share your order number?',
		}),
		performed: async (emulator, inputs) => {
			const { findReviewerRequests } = await emulator.client.state();
			return inputs.map(
				(input) =>
					findReviewerRequests.filter((request) => request.reviewId === input.reviewId).length,
			);
		},
	},
	{
		name: 'Product Review Reply (comment)',
		route: 'POST /v1/private/conversations/{conversationId}/comments',
		prepare: async (info) =>
			(
				await fixture.client.addProductReviews({
					businessUnitId: info.mainBusinessUnit.id,
					sku: info.skus[0],
					count: 3,
				})
			).productReviews.map((review) => ({ reviewId: String(review.id) })),
		parameters: () => ({
			resource: 'productReview',
			operation: 'reply',
			reviewId: '={{ $json.reviewId }}',
			content: 'Thanks for the feedback!',
		}),
		performed: async (emulator, inputs) => {
			const { conversations } = await emulator.client.state();
			return inputs.map((input) =>
				conversations
					.filter((conversation) => conversation.sourceId === input.reviewId)
					.reduce((sum, conversation) => sum + (conversation.comments as unknown[]).length, 0),
			);
		},
	},
];

describe('writes whose response fails after processing', () => {
	for (const writeCase of CASES) {
		test(`${writeCase.name}: done once, reported as "outcome unknown", other items unaffected`, async () => {
			const info = await fixture.client.info();
			const credential = await trustpilotCredential(fixture, 'clientCredentials');
			const outcomes: Record<string, unknown> = {};
			const problems: string[] = [];
			const check = (label: string, what: string, ok: boolean, got: string) => {
				if (!ok) problems.push(`${label}: ${what} — got ${got.slice(0, 160)}`);
			};
			for (const fault of AFTER_PROCESS_FAULTS) {
				for (const continueOnFail of [true, false]) {
					const inputs = await writeCase.prepare(info);
					await fixture.client.clearFaults();
					await fixture.client.addFault({
						match: { route: writeCase.route, host: writeCase.host },
						action: fault.action,
						skip: 1,
					});
					const run = await runTrustpilot(fixture, credential, writeCase.parameters(info), {
						input: inputs,
						continueOnFail,
					});
					const performed = await writeCase.performed(fixture, inputs);
					const label = `${fault.name}${continueOnFail ? ' (continueOnFail)' : ''}`;

					if (continueOnFail) {
						// Items 1 and 3 went through; item 2 was performed once and says so.
						const item = run.items[1] ?? {};
						outcomes[label] = { performed, error: item.error };
						check(
							label,
							'performed once each',
							performed.join(',') === '1,1,1',
							performed.join(','),
						);
						check(
							label,
							'three items, only item 2 failed',
							run.error === undefined &&
								run.items.length === 3 &&
								run.items[0].error === undefined &&
								run.items[2].error === undefined,
							`${run.items.length} items`,
						);
						check(
							label,
							'message starts "Outcome unknown:"',
							/^Outcome unknown: /.test(String(item.error)),
							String(item.error),
						);
						check(
							label,
							'details say it may have been processed and was not resent',
							/may already have been processed[^]*not retried automatically/.test(
								String(item.details),
							),
							String(item.details),
						);
					} else {
						// The run stops at item 2, after it was performed once; item 3 never ran.
						outcomes[label] = { performed, error: run.error?.message };
						check(
							label,
							'performed once, item 3 not run',
							performed.join(',') === '1,1,0',
							performed.join(','),
						);
						check(
							label,
							'run error starts "Outcome unknown:"',
							/^Outcome unknown: /.test(String(run.error?.message)),
							String(run.error?.message),
						);
						check(
							label,
							'error details say it may have been processed',
							/may already have been processed/.test(errorText(run.error)),
							errorText(run.error),
						);
					}
				}
			}
			reportMetrics(`uncertain-outcome-${writeCase.name.replace(/\W+/g, '-')}`, outcomes);
			expect(problems).toEqual([]);
		}, 120000);
	}

	test('Generate Service Review Link is retried after a 5xx (it sends nothing); the item gets exactly one link', async () => {
		const info = await fixture.client.info();
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		await fixture.client.addFault({
			match: {
				route: 'POST /v1/private/business-units/{businessUnitId}/invitation-links',
				host: 'invitations',
			},
			action: { afterProcess: true, status: 503, headers: RETRY_NOW },
		});
		const reference = `ORDER-LINK-${Date.now()}`;
		const run = await runTrustpilot(fixture, credential, {
			resource: 'invitation',
			operation: 'generateServiceReviewLink',
			businessUnit: { __rl: true, mode: 'id', value: info.mainBusinessUnit.id },
			email: 'link.customer@mail.example.net',
			name: 'Link Customer',
			referenceId: reference,
			locale: 'en-US',
		});
		const stored = (await fixture.client.state()).invitationLinks.filter(
			(link) => link.referenceId === reference,
		);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		// The link the workflow receives is one the emulator stored; the first (lost) one is unused.
		expect(stored.map((link) => link.id)).toContain(run.items[0].id);
		reportMetrics('uncertain-outcome-invitation-link', {
			linksStoredForOneItem: stored.length,
			linksReturned: run.items.length,
		});
	});
});
