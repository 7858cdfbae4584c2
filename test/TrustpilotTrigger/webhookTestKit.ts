import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EmulatorFixture } from '../harness/fixtures';
import {
	startTriggerReceiver,
	type ReceiverOptions,
	type TriggerReceiver,
} from './webhookReceiver';

export const URL_TOKEN = 'example-url-token-42';

/** Receivers started by a test file's tests, closed after each test. */
export function useReceivers(): (
	parameters: INodeParameters,
	extra?: Partial<ReceiverOptions>,
) => Promise<TriggerReceiver> {
	const receivers: TriggerReceiver[] = [];
	afterEach(async () => {
		await Promise.all(receivers.splice(0).map((started) => started.close()));
	});
	return async (parameters, extra = {}) => {
		const started = await startTriggerReceiver({ parameters, ...extra });
		receivers.push(started);
		return started;
	};
}

export const tokenAuth = (events: string[] = ['*']): INodeParameters => ({
	events,
	authentication: 'token',
	token: URL_TOKEN,
	simplify: true,
});

export function serviceEvent(eventName: string, id: string, extra: IDataObject = {}) {
	return {
		eventName,
		version: '1',
		eventData: {
			id,
			stars: 2,
			title: 'Late delivery',
			text: 'The parcel came a week late.',
			language: 'en',
			createdAt: '2026-11-20T10:00:00.000Z',
			consumer: { id: 'c0ffee000000000000000001', name: 'Ann Example' },
			...extra,
		},
	};
}

/** Sequence number of the newest API request the emulator logged (0 when none). */
export async function lastSeq(fixture: EmulatorFixture): Promise<number> {
	const log = await fixture.client.requests();
	return log.length ? log[log.length - 1].seq : 0;
}

/** Has the emulator POST to the receiver the way Trustpilot does; returns the receiver's answer. */
export async function fire(fixture: EmulatorFixture, url: string, body: IDataObject) {
	const reply = await fixture.client.fireWebhook({ url, ...body });
	let json: IDataObject | undefined;
	try {
		json = JSON.parse(reply.body) as IDataObject;
	} catch {
		json = undefined;
	}
	return { status: reply.status, json, text: reply.body };
}
