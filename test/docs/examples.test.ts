import type { IDataObject, INodeParameters } from 'n8n-workflow';

import syncExample from '../../examples/01-scheduled-review-sync.json';
import alertExample from '../../examples/02-negative-review-alert.json';
import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { startTriggerReceiver } from '../TrustpilotTrigger/webhookReceiver';

const fixture = useEmulator();

interface ExampleNode {
	name: string;
	type: string;
	parameters: IDataObject;
}

function nodeOfType(workflow: { nodes: ExampleNode[] }, type: string): ExampleNode {
	const found = workflow.nodes.find((node) => node.type === type);
	if (!found) throw new Error(`example has no ${type} node`);
	return found;
}

/** Every `$json.<field>` the downstream nodes of an example read. */
function fieldsReadDownstream(workflow: { nodes: ExampleNode[] }, triggerType: string): string[] {
	const text = JSON.stringify(
		workflow.nodes.filter((node) => node.type !== triggerType).map((node) => node.parameters),
	);
	return [...new Set([...text.matchAll(/\$json\.(\w+)/g)].map((match) => match[1]))].sort();
}

describe('example workflows: the trigger feeds every field the next nodes read', () => {
	it('01 scheduled review sync: the poll trigger output has every column the Data Table upsert maps', async () => {
		const type = 'n8n-nodes-trustpilot.trustpilotReviewPollTrigger';
		const trigger = nodeOfType(syncExample as { nodes: ExampleNode[] }, type);
		const parameters = trigger.parameters;
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const poller = new PollRunner(fixture, credential, parameters as INodeParameters);

		const sample = await poller.poll('manual');
		expect(sample.error).toBeUndefined();
		expect(sample.items.length).toBeGreaterThan(0);
		const first = await poller.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(200);
		const fields = fieldsReadDownstream(syncExample as { nodes: ExampleNode[] }, type);
		expect(fields).toContain('consumerEmail');
		for (const item of [...sample.items, ...first.items]) {
			expect(Object.keys(item)).toEqual(expect.arrayContaining(fields));
		}
		// Backfill from the example's start date, oldest first.
		const start = Date.parse(`${String(parameters.startDate)}Z`);
		const times = first.items.map((item) => Date.parse(String(item.createdAt)));
		expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('02 negative review alert: a real low-star event carries every field the IF, email and reply read', async () => {
		const type = 'n8n-nodes-trustpilot.trustpilotTrigger';
		const trigger = nodeOfType(alertExample as { nodes: ExampleNode[] }, type);
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const receiver = await startTriggerReceiver({
			parameters: trigger.parameters as INodeParameters,
			credentials: credential.credentials,
			store: credential.store,
		});
		try {
			const pinned = (alertExample.pinData['Trustpilot Trigger'] as Array<{ json: IDataObject }>)[0]
				.json;
			const reviewId = String(pinned.id);
			const reply = await fixture.client.fireWebhook({
				url: `${receiver.url}?token=${String(trigger.parameters.token)}`,
				reviewId,
				eventName: 'service-review-created',
			});
			await receiver.idle();
			expect(reply.status).toBe(200);
			const [item] = receiver.executions[0];
			const fields = fieldsReadDownstream(alertExample as { nodes: ExampleNode[] }, type);
			expect(fields).toEqual(
				expect.arrayContaining(['stars', 'consumerEmail', 'referenceId', 'id']),
			);
			for (const field of fields.filter((name) => name !== 'fullReviewError'))
				expect(item).toHaveProperty(field);
			expect(Number(item.stars)).toBeLessThanOrEqual(2);
			// The pinned sample for manual runs is what the trigger really sends for that review.
			expect(item).toEqual(pinned);
		} finally {
			await receiver.close();
		}
	});
});
