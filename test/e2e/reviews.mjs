// Demo workflows 01 and 02, driven by new reviews in the emulator: the scheduled sync into a Data
// Table (01) and the webhook alert that emails support and replies to bad reviews (02), plus the
// webhook's protection against callers without the secret.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
	addReview,
	ctx,
	dataTableRows,
	demoWorkflow,
	describeExecution,
	emulatorAdmin,
	endpointOf,
	executionsOf,
	fireReviewEvent,
	mails,
	newFinishedExecutions,
	nodeOfType,
	outputOf,
	runFromEditor,
	uniqueText,
} from './context.mjs';

function rowsWith(rows, reviewId) {
	return rows.filter((row) => Object.values(row).includes(reviewId));
}

/**
 * Adds a review with `fields` and delivers its "created" event to demo workflow 02 (signed with
 * the webhook secret); returns the review, the execution it started (successful) and how many
 * emails the catcher held before.
 */
async function deliverToDemo02(fields) {
	const workflow = demoWorkflow(2);
	const endpoint = endpointOf(workflow, '.trustpilotTrigger');
	const known = new Set((await executionsOf(workflow.id)).map((execution) => execution.id));
	const mailsBefore = (await mails()).length;
	const review = await addReview(fields);
	const delivery = await fireReviewEvent(endpoint.urlWithAuth, review.id);
	assert.equal(delivery.status, 200, `webhook answered ${delivery.status}: ${delivery.body}`);
	const [execution] = await newFinishedExecutions(workflow.id, known);
	assert.equal(execution.status, 'success', describeExecution(execution));
	return { review, execution, mailsBefore };
}

export function reviewTests() {
	test(
		'01 Review Poll Trigger → Data Table: each scheduled poll upserts its reviews, one row per review',
		{ timeout: 240000 },
		async () => {
			const workflow = demoWorkflow(1);
			const trigger = nodeOfType(workflow, '.trustpilotReviewPollTrigger');
			const dataTableNode = nodeOfType(workflow, '.dataTable');
			const tableName = dataTableNode.parameters?.dataTableId?.value;
			const table = ctx.stack.dataTables.find((candidate) => candidate.name === tableName);
			assert.ok(
				table,
				`01 must name its Data Table ("By Name" mode) so the demo can create it; got ${JSON.stringify(dataTableNode.parameters?.dataTableId)}`,
			);

			// Publishing polls once at once; the suite's every-minute schedule then polls again.
			const polls = await newFinishedExecutions(workflow.id, new Set(), {
				atLeast: 2,
				timeoutMs: 150000,
			});
			const synced = new Map();
			for (const execution of polls) {
				assert.equal(execution.status, 'success', describeExecution(execution));
				assert.equal(execution.mode, 'trigger');
				for (const review of outputOf(execution, trigger.name)) synced.set(review.id, review);
			}
			assert.ok(synced.size > 0, 'the polls delivered no reviews');

			const rows = await dataTableRows(table.id);
			for (const [id, review] of synced) {
				const matching = rowsWith(rows, id);
				assert.equal(matching.length, 1, `review ${id} should be exactly one row`);
				assert.ok(
					Object.values(matching[0]).includes(review.stars),
					`row of ${id} lacks its stars`,
				);
			}
			// The rows hold what Trustpilot (the emulator) has, not just what the trigger said.
			for (const id of [...synced.keys()].slice(0, 3)) {
				const stored = await emulatorAdmin('GET', `/reviews/${id}`);
				assert.ok(
					Object.values(rowsWith(rows, id)[0]).includes(stored.stars),
					`row of ${id} disagrees with the emulator`,
				);
			}

			// A manual run ("Execute workflow") reads recent reviews again: the upsert adds no duplicates.
			const execution = await runFromEditor(workflow, trigger.name);
			assert.equal(execution.status, 'success', describeExecution(execution));
			const sample = outputOf(execution, trigger.name);
			assert.ok(sample.length > 0, 'the manual run read no reviews');
			const afterResync = await dataTableRows(table.id);
			for (const review of sample) {
				assert.equal(rowsWith(afterResync, review.id).length, 1, `review ${review.id} duplicated`);
			}
		},
	);

	test(
		'02 Trustpilot Trigger: a 1-star review emails support and gets a reply on Trustpilot',
		{ timeout: 120000 },
		async () => {
			const { review, execution, mailsBefore } = await deliverToDemo02({
				stars: 1,
				title: 'Broken on arrival',
				text: uniqueText('The parcel arrived broken'),
			});
			assert.equal(execution.mode, 'webhook');

			const received = (await mails()).slice(mailsBefore);
			assert.equal(received.length, 1, 'one email to the support team');
			const mail = received[0];
			assert.ok(
				`${mail.subject}\n${mail.text}\n${mail.html}`.includes(review.text),
				`the email does not quote the review:\n${mail.text}`,
			);

			const stored = await emulatorAdmin('GET', `/reviews/${review.id}`);
			assert.ok(
				stored.companyReply?.text,
				`no reply stored on review ${review.id}: ${JSON.stringify(stored.companyReply)}`,
			);
		},
	);

	test(
		'02 Trustpilot Trigger: a 5-star review runs the workflow but sends no email and no reply',
		{ timeout: 120000 },
		async () => {
			const { review, mailsBefore } = await deliverToDemo02({
				stars: 5,
				title: 'Lovely',
				text: uniqueText('Great service'),
			});
			assert.equal((await mails()).length, mailsBefore, 'no email for a good review');
			assert.equal((await emulatorAdmin('GET', `/reviews/${review.id}`)).companyReply, null);
		},
	);

	test(
		'02 Trustpilot Trigger: a caller without the secret gets 401 and starts no execution',
		{ timeout: 60000 },
		async () => {
			const workflow = demoWorkflow(2);
			const trigger = nodeOfType(workflow, '.trustpilotTrigger');
			const mode = trigger.parameters?.authentication ?? 'none';
			assert.notEqual(
				mode,
				'none',
				'02 must protect its webhook (Basic Auth or Secret Token in URL)',
			);
			const endpoint = endpointOf(workflow, '.trustpilotTrigger');
			const wrong = new URL(endpoint.urlWithAuth);
			if (mode === 'basicAuth') wrong.password = 'not-the-password';
			else wrong.searchParams.set('token', 'not-the-token');
			const known = new Set((await executionsOf(workflow.id)).map((execution) => execution.id));
			const review = await addReview({ stars: 1, text: uniqueText('Sent by an impostor') });

			for (const url of [wrong.toString(), endpoint.url]) {
				const delivery = await fireReviewEvent(url, review.id);
				assert.equal(
					delivery.status,
					401,
					`${url.replace(/\/\/[^@/]*@/, '//…@')} answered ${delivery.status}`,
				);
			}
			// Give a wrongly started execution time to show up before concluding there is none.
			await new Promise((resolve) => setTimeout(resolve, 3000));
			const fresh = (await executionsOf(workflow.id)).filter(
				(execution) => !known.has(execution.id),
			);
			assert.deepEqual(fresh, []);
		},
	);
}
