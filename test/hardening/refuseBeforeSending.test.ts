// Class 5 of issue 12: refuse before sending, and name what the user can see. An operation that
// needs an access token refuses with "API Key Only" before any request reaches the emulator, a
// "By Domain" business-unit lookup included, and its error names the credential's mode, never a
// field that mode hides (Business User ID, API Secret, Username, Password).
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { resources } from '../../nodes/Trustpilot/actions';
import { editorContext } from '../harness/editorContext';
import { runNode } from '../harness/engine';
import type { LoggedRequest } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';

const fixture = useEmulator();

/** Fields the credential shows only in an OAuth mode: an API-key-only error must not name them. */
const HIDDEN_WITH_API_KEY = /Business User ID|API Secret|Username|Password/;

interface Outcome {
	error?: { message: string; description?: string };
	/** Every request the emulator received during the run, token requests included. */
	requests: LoggedRequest[];
}

async function run(
	resource: string,
	operation: string,
	parameters: INodeParameters,
	mode: AuthMode,
	overrides: ICredentialDataDecryptedObject = {},
): Promise<Outcome> {
	const credential = await trustpilotCredential(fixture, mode, overrides);
	await fixture.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource, operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail: true,
		},
		[{}],
		credential.store,
	);
	const json = (result.output[0]?.json ?? {}) as IDataObject;
	const nodeError = result.nodeError('Trustpilot') as
		| (Error & { description?: string })
		| undefined;
	const error =
		typeof json.error === 'string'
			? { message: json.error, description: json.details as string | undefined }
			: nodeError
				? { message: nodeError.message, description: nodeError.description }
				: undefined;
	return { error, requests: await fixture.client.requests() };
}

const byDomain = () => ({
	__rl: true,
	mode: 'domain',
	value: fixture.info.mainBusinessUnit.domain,
});

/** A token-only request: a private path, or anything on the invitations host. */
const needsToken = (request: LoggedRequest) =>
	request.host === 'invitations' || request.path.includes('/private/');

function expectRefusedWithoutRequests(outcome: Outcome): void {
	expect(outcome.error?.message).toBe(
		'This operation reads or changes private data, which needs an access token',
	);
	expect(outcome.error?.description).toMatch(/Client Credentials/);
	expect(outcome.error?.description).toMatch(/Business User Login/);
	expect(`${outcome.error?.message} ${outcome.error?.description}`).not.toMatch(
		HIDDEN_WITH_API_KEY,
	);
	expect(outcome.requests).toEqual([]);
}

describe('token-only operations with API Key Only refuse before any request', () => {
	test('Send Email Invitation by domain: no /business-units/find, no invitation request', async () => {
		const outcome = await run(
			'invitation',
			'sendEmail',
			{
				businessUnit: byDomain(),
				invitationType: 'service',
				consumerEmail: 'jane.doe@mail.example.net',
				consumerName: 'Jane Doe',
				referenceNumber: 'ORDER-1001',
			},
			'apiKey',
		);
		expectRefusedWithoutRequests(outcome);
		expect((await fixture.client.state()).emailInvitations).toHaveLength(0);
	});

	test('private service-review Get Many by domain: no lookup is sent first', async () => {
		const outcome = await run(
			'serviceReview',
			'getAll',
			{ businessUnit: byDomain(), source: 'private', limit: 5 },
			'apiKey',
		);
		expectRefusedWithoutRequests(outcome);
	});

	test('private product-review Get Many by domain: no lookup is sent first', async () => {
		const outcome = await run(
			'productReview',
			'getAll',
			{ businessUnit: byDomain(), source: 'private', limit: 5 },
			'apiKey',
		);
		expectRefusedWithoutRequests(outcome);
	});

	test('Reply says it needs an access token, not that the hidden Business User ID is empty', async () => {
		const outcome = await run(
			'serviceReview',
			'reply',
			{ reviewId: '5f3b2c1a9d8e7f6a5b4c3d2e', message: 'Thanks!' },
			'apiKey',
		);
		expectRefusedWithoutRequests(outcome);
	});

	test('the public variants of the same operations still work with API Key Only', async () => {
		const reviews = await run(
			'serviceReview',
			'getAll',
			{ businessUnit: byDomain(), source: 'public', limit: 2 },
			'apiKey',
		);
		expect(reviews.error).toBeUndefined();
		expect(reviews.requests.map((request) => request.path)).toEqual([
			'/v1/business-units/find',
			`/v1/business-units/${fixture.info.mainBusinessUnit.id}/reviews`,
		]);
	});

	test('Client Credentials without a Business User ID: Send Email by domain sends nothing either', async () => {
		const outcome = await run(
			'invitation',
			'sendEmail',
			{
				businessUnit: byDomain(),
				invitationType: 'service',
				consumerEmail: 'jane.doe@mail.example.net',
				consumerName: 'Jane Doe',
				referenceNumber: 'ORDER-1001',
			},
			'clientCredentials',
			{ businessUserId: '' },
		);
		// Business User ID is a visible field with Client Credentials, so naming it is right here.
		expect(outcome.error?.message).toBe('A Business User ID is needed for this operation');
		expect(outcome.requests).toEqual([]);
	});
});

describe('the editor list of invitation templates', () => {
	test('API Key Only with a business unit by domain: refused before the lookup', async () => {
		const credential = await trustpilotCredential(fixture, 'apiKey');
		const parameters: INodeParameters = {
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit: byDomain(),
		};
		const { methods, context } = editorContext(credential, parameters, 'serviceTemplateId');
		await fixture.client.clearRequests();
		await expect(methods.loadOptions!.getTemplates.call(context)).rejects.toThrow(
			'This operation reads or changes private data, which needs an access token',
		);
		expect(await fixture.client.requests()).toEqual([]);
	});
});

describe('every operation of the node, classified by what it really sends', () => {
	// One bag of plausible values for every operation's parameters, so each one gets as far as
	// its requests. Which operations are token-only is learnt from what they send with Client
	// Credentials, not from the declaration under test.
	const parameterBag = (): INodeParameters => ({
		businessUnit: byDomain(),
		source: 'private',
		reviewId: '5f3b2c1a9d8e7f6a5b4c3d2e',
		conversationId: '5f3b2c1a9d8e7f6a5b4c3d2f',
		commentId: '5f3b2c1a9d8e7f6a5b4c3d30',
		consumerId: '5f3b2c1a9d8e7f6a5b4c3d31',
		categoryId: 'electronics_store',
		message: 'Thanks!',
		content: 'Thanks!',
		name: fixture.info.mainBusinessUnit.domain,
		query: 'example',
		email: 'jane.doe@mail.example.net',
		consumerEmail: 'jane.doe@mail.example.net',
		consumerName: 'Jane Doe',
		referenceNumber: 'ORDER-1001',
		referenceId: 'ORDER-1001',
		customerEmails: 'jane.doe@mail.example.net',
		invitationType: 'service',
		sku: fixture.info.skus[0],
		skus: fixture.info.skus[0],
		productSkus: fixture.info.skus[0],
		group: 'source',
		value: 'newsletter',
		title: 'Blue mug',
		productUrl: 'https://www.example.com/products/blue-mug',
		locale: 'en-US',
		products: {
			product: [
				{ sku: fixture.info.skus[0], name: 'Blue mug', productUrl: 'https://www.example.com/p/1' },
			],
		},
		tags: { tag: [{ group: 'source', value: 'newsletter' }] },
		limit: 2,
	});

	const operations = Object.entries(resources).flatMap(([resource, { operations: byName }]) =>
		Object.entries(byName).map(([operation, handler]) => ({ resource, operation, handler })),
	);
	const tokenOnly: string[] = [];

	test.each(operations.map((entry) => [`${entry.resource}.${entry.operation}`, entry] as const))(
		'%s: if it sends a token-only request, API Key Only refuses it before any request',
		async (_name, { resource, operation, handler }) => {
			const withToken = await run(resource, operation, parameterBag(), 'clientCredentials');
			if (!withToken.requests.some(needsToken)) return;
			tokenOnly.push(`${resource}.${operation}`);
			expectRefusedWithoutRequests(await run(resource, operation, parameterBag(), 'apiKey'));
			// The declaration the router checks agrees with what the operation sends.
			const declared = (handler as { access?: unknown }).access;
			expect(declared === 'private' || typeof declared === 'function').toBe(true);
		},
	);

	test('the classification is not vacuous: the cases named in the issue are among them', () => {
		expect(tokenOnly).toEqual(
			expect.arrayContaining([
				'invitation.sendEmail',
				'serviceReview.getAll',
				'serviceReview.reply',
				'productReview.getAll',
				'businessUnit.getPrivate',
			]),
		);
		expect(tokenOnly.length).toBeGreaterThanOrEqual(24);
	});
});
