// Client Credentials tokens carry no user. Every write that acts as a business user sends the
// credential's Business User ID as x-business-user-id; without one the node stops before sending
// and says which field to set.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import type { EmulatorInfo } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator } from '../harness/fixtures';
import { addKnownReview } from './serviceReview/support';

const emulator = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });
let info: EmulatorInfo;

beforeEach(async () => {
	info = await emulator.client.info();
});

async function run(
	resource: string,
	operation: string,
	parameters: INodeParameters,
	businessUserId?: string,
) {
	const overrides: ICredentialDataDecryptedObject =
		businessUserId === undefined ? {} : { businessUserId };
	const credential = await trustpilotCredential(emulator, 'clientCredentials', overrides);
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource, operation, ...parameters },
			credentials: credential.credentials,
		},
		[{}],
		credential.store,
	);
	const requests = (await emulator.client.requests()).filter(
		(request) => !request.path.includes('/oauth/'),
	);
	return { result, requests, error: result.error ?? result.nodeError('Trustpilot') };
}

async function writes(): Promise<Array<[string, string, string, INodeParameters]>> {
	const review = await addKnownReview(emulator, info, {
		tags: [{ group: 'generic', value: 'vip' }],
	});
	const conversations = (await emulator.client.state()).conversations as IDataObject[];
	const conversation = conversations[0];
	const comment = (conversation.comments as IDataObject[])[0];
	const reviewId = String(review.id);
	return [
		[
			'addTags',
			'serviceReview',
			'addTags',
			{ reviewId, tags: { tag: [{ group: 'generic', value: 'new' }] } },
		],
		[
			'setTags',
			'serviceReview',
			'setTags',
			{ reviewId, tags: { tag: [{ group: 'generic', value: 'only' }] } },
		],
		['removeTag', 'serviceReview', 'removeTag', { reviewId, group: 'generic', value: 'vip' }],
		[
			'findReviewer',
			'serviceReview',
			'findReviewer',
			{ reviewId, message: 'Your order number, please?' },
		],
		[
			'productReview reply',
			'productReview',
			'reply',
			{ reviewId: String(conversation.sourceId), content: 'Thanks!' },
		],
		[
			'updateComment',
			'productReview',
			'updateComment',
			{
				conversationId: String(conversation.id),
				commentId: String(comment.commentId),
				content: 'Edited',
			},
		],
		[
			'setConversationState',
			'productReview',
			'setConversationState',
			{ conversationId: String(conversation.id), state: 'private' },
		],
	];
}

test('every user-acting write sends the credential Business User ID as x-business-user-id', async () => {
	const userId = info.account.businessUser.id;
	for (const [label, resource, operation, parameters] of await writes()) {
		const done = await run(resource, operation, parameters);
		expect([label, done.error?.message]).toEqual([label, undefined]);
		const written = done.requests.filter((request) => request.method !== 'GET');
		expect([label, written.length > 0]).toEqual([label, true]);
		for (const request of written)
			expect([label, request.headers['x-business-user-id']]).toEqual([label, userId]);
	}
});

test('without a Business User ID, each of them stops before sending and names the credential field', async () => {
	for (const [label, resource, operation, parameters] of await writes()) {
		const done = await run(resource, operation, parameters, '');
		expect([label, done.error?.message]).toEqual([
			label,
			'A Business User ID is needed for this operation',
		]);
		expect(String((done.error as unknown as { description?: string }).description)).toContain(
			'"Business User ID" field of the Trustpilot credential',
		);
		expect([label, done.requests.filter((request) => request.method !== 'GET')]).toEqual([
			label,
			[],
		]);
	}
});
