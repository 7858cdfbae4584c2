// Demo workflows 03 and 04: a new order turns into a Trustpilot review invitation — a Business
// Generated Link mailed through the SMTP catcher (03), or an email invitation sent by Trustpilot's
// Invitations API (04).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
	ctx,
	demoWorkflow,
	describeExecution,
	emulatorAdmin,
	endpointOf,
	executionsOf,
	mails,
	newFinishedExecutions,
	nodeOfType,
	runFromEditor,
	uniqueText,
} from './context.mjs';

export function orderTests() {
	test(
		'03 new order → Link Generator → email: the customer gets a working review link',
		{ timeout: 120000 },
		async () => {
			const workflow = demoWorkflow(3);
			const manualTrigger = nodeOfType(workflow, '.manualTrigger');
			const mailsBefore = (await mails()).length;

			const execution = await runFromEditor(workflow, manualTrigger.name);
			assert.equal(execution.status, 'success', describeExecution(execution));

			const received = (await mails()).slice(mailsBefore);
			assert.equal(received.length, 1, 'exactly one email expected');
			const [mail] = received;
			const link = /https?:\/\/\S+evaluate-bgl\/[^\s"<>]+/.exec(mail.text)?.[0];
			assert.ok(link, `no Trustpilot BGL link in the email text:\n${mail.text}`);
			// Opening the link (on the emulator's stand-in for trustpilot.com) must show the customer's
			// details, decrypted with the account's BGL keys.
			const opened = new URL(link);
			const atEmulator = `${ctx.stack.emulator.apiOrigin}${opened.pathname}${opened.search}`;
			const landing = await fetch(atEmulator);
			const landed = await landing.json();
			assert.equal(landing.status, 200, `the review link was refused: ${JSON.stringify(landed)}`);
			assert.equal(mail.envelope.to.length, 1, 'one recipient');
			assert.equal(
				landed.payload.email,
				mail.envelope.to[0],
				'the link invites the person the email went to',
			);
			assert.ok(
				mail.subject.includes(landed.payload.ref),
				`subject "${mail.subject}" does not name order ${landed.payload.ref}`,
			);
			assert.ok(mail.html.includes('evaluate-bgl'), 'the HTML part links to Trustpilot too');
		},
	);

	test(
		'04 new order webhook → Send Email Invitation: Trustpilot stores the invitation',
		{ timeout: 120000 },
		async () => {
			const workflow = demoWorkflow(4);
			const endpoint = endpointOf(workflow, 'n8n-nodes-base.webhook');
			const known = new Set((await executionsOf(workflow.id)).map((execution) => execution.id));
			const before = (await emulatorAdmin('GET', '/state')).emailInvitations.length;
			const order = {
				orderNumber: uniqueText('ORD'),
				customer: { email: 'e2e.buyer@example.org', name: 'E2E Buyer' },
				locale: 'en-US',
				items: [
					{
						sku: ctx.stack.emulatorInfo.skus[0],
						name: 'First catalogue product',
						productUrl: 'https://www.example.com/p/1',
					},
				],
			};

			const response = await fetch(endpoint.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(order),
			});
			const reply = await response.text();
			assert.equal(response.status, 200, `webhook answered ${response.status}: ${reply}`);

			const [execution] = await newFinishedExecutions(workflow.id, known);
			assert.equal(execution.status, 'success', describeExecution(execution));
			assert.equal(execution.mode, 'webhook');

			const stored = (await emulatorAdmin('GET', '/state')).emailInvitations.slice(before);
			assert.equal(stored.length, 1, 'exactly one invitation stored by the emulator');
			const invitation = JSON.stringify(stored[0]);
			for (const expected of [order.orderNumber, order.customer.email, order.items[0].sku]) {
				assert.ok(
					invitation.includes(expected),
					`stored invitation lacks ${expected}: ${invitation}`,
				);
			}
		},
	);
}
