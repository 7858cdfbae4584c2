import { PollContext, TriggersAndPollers } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData, createWorkflow, PACKAGE_PREFIX } from '../harness/engine';
import type { EmulatorFixture, TestCredential } from '../harness/fixtures';
import { recordRun } from '../harness/hygiene/runRecorder.cjs';

export const POLL_NODE = 'Trustpilot Review Poll Trigger';

export interface PollOutcome {
	items: IDataObject[];
	error?: Error;
	/** API requests the poll made (token requests excluded), from the emulator's log. */
	requests: Array<{
		method: string;
		path: string;
		query: Record<string, string | string[]>;
		status: number | null;
	}>;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Polls the Review Poll Trigger the way n8n does for an active workflow: n8n-core's PollContext
 * and TriggersAndPollers on a real Workflow, whose static data is "saved" after each successful
 * poll. `restart()` rebuilds the workflow from the saved static data, like an n8n restart.
 */
export class PollRunner {
	/** Static data as n8n's database holds it. */
	saved: IDataObject = {};

	private workflow!: Workflow;

	private readonly pollers = new TriggersAndPollers();

	constructor(
		private readonly fixture: EmulatorFixture,
		private readonly credential: TestCredential,
		private parameters: INodeParameters,
	) {
		this.restart();
	}

	restart(parameters: INodeParameters = this.parameters): void {
		this.parameters = parameters;
		this.workflow = createWorkflow({
			nodes: [
				{
					name: POLL_NODE,
					type: `${PACKAGE_PREFIX}.trustpilotReviewPollTrigger`,
					parameters,
					credentials: this.credential.credentials,
				},
			],
			connections: {},
			staticData: clone(this.saved),
		}).workflow;
	}

	private get node(): INode {
		return this.workflow.getNode(POLL_NODE)!;
	}

	/** The node's static data as the running workflow holds it now. */
	nodeState(): IDataObject {
		return clone(this.workflow.getStaticData('node', this.node));
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<PollOutcome> {
		// An empty log per poll keeps the emulator's answer small over hundreds of polls.
		await this.fixture.client.clearRequests();
		const additionalData = createAdditionalData(this.credential.store);
		const context = new PollContext(
			this.workflow,
			this.node,
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : 'activate',
		);
		let items: IDataObject[] = [];
		let error: Error | undefined;
		try {
			const data = await this.pollers.runPollFunction(this.workflow, this.node, context);
			items = data?.[0]?.map((item) => item.json) ?? [];
			// n8n saves static data after a poll of an active workflow; a failed poll saves nothing.
			if (mode !== 'manual') this.saved = clone(this.workflow.staticData);
		} catch (caught) {
			error = caught as Error;
		}
		recordRun('poll', { items, error }, this.credential);
		const requests = (await this.fixture.client.requests())
			.filter((entry) => !entry.path.includes('/oauth/'))
			.map(({ method, path, query, status }) => ({ method, path, query, status }));
		return { items, error, requests };
	}
}
