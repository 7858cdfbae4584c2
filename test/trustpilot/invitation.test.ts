// Invitation resource against the emulator: what reaches the invitations host (and the API host
// for product links), the business-user header, the "never invite twice" rule and GDPR deletion.
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from '../harness/credentials';
import { PACKAGE_PREFIX, runNode, type RunResult } from '../harness/engine';
import type { EmulatorInfo, EmulatorStateSnapshot, JsonObject, LoggedRequest } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type AuthMode, type TestCredential } from '../harness/fixtures';
import { packageNodeTypes } from '../harness/packageTypes';

// No reset between tests (a reset re-seeds thousands of reviews): each run reports the records
// it added, and faults are cleared after every test.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;
let buId: string;

beforeAll(async () => {
	info = await emulator.client.info();
	buId = info.mainBusinessUnit.id;
});

afterEach(async () => {
	await emulator.client.clearFaults();
});

type RecordKind = 'emailInvitations' | 'invitationLinks' | 'productInvitationLinks' | 'invitationDataDeletions';

interface Run {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	/** Requests of this run, token requests left out. */
	requests: LoggedRequest[];
	/** Every request of this run, token requests included. */
	allRequests: LoggedRequest[];
	/** Emulator records this run created. */
	added: Record<RecordKind, JsonObject[]>;
	/** Emulator state after the run. */
	state: EmulatorStateSnapshot;
}

// One credential per setting, reused like n8n reuses a saved credential (and its token).
const credentials = new Map<string, TestCredential>();

async function credentialFor(mode: AuthMode, overrides: ICredentialDataDecryptedObject = {}): Promise<TestCredential> {
	const key = `${mode} ${JSON.stringify(overrides)}`;
	let credential = credentials.get(key);
	if (!credential) {
		credential = await trustpilotCredential(emulator, mode, overrides, new CredentialStore());
		credentials.set(key, credential);
	}
	return credential;
}

const RECORD_KINDS: RecordKind[] = ['emailInvitations', 'invitationLinks', 'productInvitationLinks', 'invitationDataDeletions'];

async function runInvitation(
	operation: string,
	parameters: INodeParameters,
	options: { mode?: AuthMode; input?: IDataObject[]; continueOnFail?: boolean; overrides?: ICredentialDataDecryptedObject } = {},
): Promise<Run> {
	const credential = await credentialFor(options.mode ?? 'clientCredentials', options.overrides);
	const before = await emulator.client.state();
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource: 'invitation', operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail: options.continueOnFail,
		},
		options.input ?? [{}],
		credential.store,
	);
	const allRequests = await emulator.client.requests();
	const state = await emulator.client.state();
	const added = {} as Record<RecordKind, JsonObject[]>;
	for (const kind of RECORD_KINDS) {
		const known = new Set(before[kind].map((record) => JSON.stringify(record)));
		added[kind] = state[kind].filter((record) => !known.has(JSON.stringify(record)));
	}
	return {
		result,
		items: result.output.map((item) => item.json),
		requests: allRequests.filter((request) => !request.path.includes('/oauth/')),
		allRequests,
		added,
		state,
	};
}

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const errorOf = (run: Run) => run.result.error ?? run.result.nodeError('Trustpilot');
const invitationsPath = (suffix: string) => `/v1/private/business-units/${buId}/${suffix}`;

const serviceInvitation = (overrides: INodeParameters = {}): INodeParameters => ({
	businessUnit: byId(buId),
	consumerEmail: 'jane.doe@mail.example.net',
	consumerName: 'Jane Doe',
	referenceNumber: 'ORDER-1001',
	invitationType: 'service',
	...overrides,
});

describe('Send Email Invitation', () => {
	test('service invitation: POST on the invitations host with the business user header, stored once', async () => {
		const template = info.templates.find((candidate) => !candidate.isDefaultTemplate)!;
		const run = await runInvitation(
			'sendEmail',
			serviceInvitation({
				serviceTemplateId: template.id,
				serviceOptions: {
					preferredSendTime: '2030-05-01T09:30:00',
					redirectUri: 'https://www.example.com/thanks',
					tags: 'newsletter, order-2024',
				},
				additionalFields: {
					locale: 'da-DK',
					senderName: 'Example Store',
					senderEmail: 'noreply@example.com',
					replyTo: 'support@example.com',
					locationId: info.locations[0].id,
				},
			}),
		);

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		const [request] = run.requests;
		expect(request).toMatchObject({ method: 'POST', host: 'invitations', path: invitationsPath('email-invitations'), status: 202 });
		expect(request.headers['x-business-user-id']).toBe(info.account.businessUser.id);
		expect(request.body).toEqual({
			consumerEmail: 'jane.doe@mail.example.net',
			consumerName: 'Jane Doe',
			referenceNumber: 'ORDER-1001',
			locale: 'da-DK',
			senderName: 'Example Store',
			senderEmail: 'noreply@example.com',
			replyTo: 'support@example.com',
			locationId: info.locations[0].id,
			// The wall-clock value of the date picker is taken as UTC, in the documented format.
			serviceReviewInvitation: {
				templateId: template.id,
				preferredSendTime: '05/01/2030 09:30:00',
				redirectUri: 'https://www.example.com/thanks',
				tags: ['newsletter', 'order-2024'],
			},
		});

		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.added.emailInvitations[0]).toMatchObject({
			businessUnitId: buId,
			businessUserId: info.account.businessUser.id,
			consumerEmail: 'jane.doe@mail.example.net',
			status: 'queued',
		});

		// The API answers 202 with no body: the node says clearly what happened.
		expect(run.items).toEqual([
			{
				success: true,
				status: 'queued',
				statusCode: 202,
				businessUnitId: buId,
				consumerEmail: 'jane.doe@mail.example.net',
				referenceNumber: 'ORDER-1001',
				serviceReviewInvitation: true,
				productReviewInvitation: false,
				preferredSendTime: '2030-05-01T09:30:00.000Z',
			},
		]);
		expect(run.result.output[0].pairedItem).toEqual({ item: 0 });
	});

	test('service and product invitation with product rows: both blocks, service time first', async () => {
		const run = await runInvitation(
			'sendEmail',
			serviceInvitation({
				invitationType: 'both',
				serviceOptions: { preferredSendTime: '2030-05-01T09:00:00Z' },
				productOptions: { preferredSendTime: '2030-05-08T09:00:00+02:00', redirectUri: 'https://www.example.com/p' },
				productInput: 'details',
				products: {
					product: [
						{ sku: 'TEE-BLK-M', name: 'T-Shirt', productUrl: 'https://www.example.com/tee', brand: 'Example Basics' },
						{ sku: 'MUG-CER-01', name: 'Mug', gtin: '5700000000001', mpn: '', imageUrl: '' },
					],
				},
			}),
		);

		expect(errorOf(run)).toBeUndefined();
		const body = run.requests[0].body as IDataObject;
		expect(body.serviceReviewInvitation).toEqual({ preferredSendTime: '05/01/2030 09:00:00' });
		expect(body.productReviewInvitation).toEqual({
			preferredSendTime: '05/08/2030 07:00:00',
			redirectUri: 'https://www.example.com/p',
			products: [
				{ sku: 'TEE-BLK-M', name: 'T-Shirt', productUrl: 'https://www.example.com/tee', brand: 'Example Basics' },
				{ sku: 'MUG-CER-01', name: 'Mug', gtin: '5700000000001' },
			],
		});
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ success: true, serviceReviewInvitation: true, productReviewInvitation: true });
	});

	test('product invitation by catalogue SKUs, and from a JSON array of line items', async () => {
		const skus = info.skus.slice(0, 2);
		const bySkus = await runInvitation('sendEmail', serviceInvitation({
			invitationType: 'product',
			productInput: 'skus',
			productSkus: skus.join(', '),
		}));
		expect(errorOf(bySkus)).toBeUndefined();
		expect(bySkus.requests[0].body).toMatchObject({ productReviewInvitation: { productSkus: skus } });
		expect((bySkus.requests[0].body as IDataObject).serviceReviewInvitation).toBeUndefined();
		expect(bySkus.added.emailInvitations).toHaveLength(1);

		const byJson = await runInvitation(
			'sendEmail',
			serviceInvitation({
				invitationType: 'product',
				productInput: 'json',
				productsJson: '={{ $json.lines }}',
			}),
			{ input: [{ lines: [{ sku: 'HOOD-GRY-L', name: 'Hoodie', price: 59, imageUrl: 'https://www.example.com/h.jpg' }] }] },
		);
		expect(errorOf(byJson)).toBeUndefined();
		// Keys Trustpilot does not know (price) are not sent.
		expect(byJson.requests[0].body).toMatchObject({
			productReviewInvitation: { products: [{ sku: 'HOOD-GRY-L', name: 'Hoodie', imageUrl: 'https://www.example.com/h.jpg' }] },
		});
		expect(byJson.added.emailInvitations).toHaveLength(1);
	});

	test('a business unit given by domain is looked up once, after the inputs were checked', async () => {
		const byDomain = { __rl: true, mode: 'domain', value: info.mainBusinessUnit.domain };
		const bad = await runInvitation('sendEmail', serviceInvitation({ businessUnit: byDomain, consumerEmail: 'jane@' }));
		expect(errorOf(bad)?.message).toMatch(/Customer Email/);
		expect(bad.allRequests).toHaveLength(0);

		const good = await runInvitation(
			'sendEmail',
			serviceInvitation({ businessUnit: byDomain, consumerEmail: '={{ $json.email }}' }),
			{ input: [{ email: 'one@mail.example.net' }, { email: 'two@mail.example.net' }] },
		);
		expect(errorOf(good)).toBeUndefined();
		expect(good.requests.map((request) => `${request.method} ${request.host} ${request.path}`)).toEqual([
			'GET api /v1/business-units/find',
			`POST invitations ${invitationsPath('email-invitations')}`,
			`POST invitations ${invitationsPath('email-invitations')}`,
		]);
		expect(good.added.emailInvitations.map((entry) => entry.businessUnitId)).toEqual([buId, buId]);
	});

	test('Business User Login sends no header: Trustpilot takes the user from the token', async () => {
		const run = await runInvitation('sendEmail', serviceInvitation(), { mode: 'password' });
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0].headers['x-business-user-id']).toBeUndefined();
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.added.emailInvitations[0].businessUserId).toBe(info.account.businessUser.id);
	});

	test('Client Credentials without a Business User ID fails before any request', async () => {
		const run = await runInvitation('sendEmail', serviceInvitation(), { overrides: { businessUserId: '' } });
		expect(errorOf(run)?.message).toMatch(/Business User ID is needed/);
		expect(run.allRequests).toHaveLength(0);
		expect(run.added.emailInvitations).toHaveLength(0);
	});

	test('API Key Only fails before any request, naming the modes that work', async () => {
		const run = await runInvitation('sendEmail', serviceInvitation(), { mode: 'apiKey' });
		const error = errorOf(run) as Error & { description?: string };
		expect(error.message).toMatch(/access token/);
		expect(error.description).toMatch(/Client Credentials/);
		expect(run.allRequests).toHaveLength(0);
	});

	test('a business unit ID given as Business User ID: 403 naming the business user, nothing stored', async () => {
		const run = await runInvitation('sendEmail', serviceInvitation(), { overrides: { businessUserId: buId } });
		const error = errorOf(run) as Error & { description?: string; httpCode?: string };
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/Business User ID/);
		expect(error.message).toMatch(/not a business unit/);
		expect(error.description).toContain(buId);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].headers['x-business-user-id']).toBe(buId);
		expect(run.added.emailInvitations).toHaveLength(0);
	});

	test('a 500 after the invitation was stored is not retried: uncertain outcome, exactly one invitation', async () => {
		await emulator.client.addFault({
			match: { host: 'invitations', method: 'POST', pathRegex: 'email-invitations$' },
			action: { status: 500, afterProcess: true },
			// Would also fail a second attempt, so a retry could not hide behind a success.
			times: 2,
		});
		const run = await runInvitation('sendEmail', serviceInvitation(), { continueOnFail: true });

		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].status).toBe(500);
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].error).toMatch(/^Outcome unknown/);
		expect(run.items[0].details).toMatch(/may already have been processed/);
		expect(run.items[0].httpCode).toBe('500');
		expect(run.result.output[0].pairedItem).toEqual({ item: 0 });
	});

	test('a 429 (Retry-After: 0) cannot have been processed: retried, one invitation stored', async () => {
		await emulator.client.addFault({
			match: { host: 'invitations', method: 'POST', pathRegex: 'email-invitations$' },
			action: { status: 429, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const run = await runInvitation('sendEmail', serviceInvitation());

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((request) => request.status)).toEqual([429, 202]);
		expect(run.requests[1].body).toEqual(run.requests[0].body);
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ success: true, statusCode: 202 });
	});

	test('continueOnFail: a bad email becomes an error item, the other customers are invited', async () => {
		const run = await runInvitation(
			'sendEmail',
			serviceInvitation({ consumerEmail: '={{ $json.email }}', consumerName: '={{ $json.name }}', referenceNumber: '={{ $json.order }}' }),
			{
				continueOnFail: true,
				input: [
					{ email: 'ann@mail.example.net', name: 'Ann', order: 'A-1' },
					{ email: 'bob at example', name: 'Bob', order: 'A-2' },
					{ email: 'cid@mail.example.net', name: 'Cid', order: 'A-3' },
				],
			},
		);

		expect(run.items).toHaveLength(3);
		expect(run.items[0]).toMatchObject({ success: true, consumerEmail: 'ann@mail.example.net' });
		expect(run.items[1].error).toBe('Customer Email: "bob at example" is not a valid email address');
		expect(run.items[1].details).toMatch(/item 2/);
		expect(run.items[2]).toMatchObject({ success: true, consumerEmail: 'cid@mail.example.net' });
		expect(run.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.requests.map((request) => (request.body as IDataObject).consumerEmail)).toEqual([
			'ann@mail.example.net',
			'cid@mail.example.net',
		]);
		expect(run.added.emailInvitations.map((entry) => entry.referenceNumber)).toEqual(['A-1', 'A-3']);
	});

	test.each([
		[{ serviceOptions: { tags: 'vip customer' } }, /Tags: the tag "vip customer" contains a space/],
		[{ serviceOptions: { preferredSendTime: 'next tuesday' } }, /Preferred Send Time: "next tuesday" is not a date/],
		[{ serviceOptions: { redirectUri: 'example.com/thanks' } }, /Redirect URI: .* is not a web address/],
		[{ additionalFields: { replyTo: 'support(at)example.com' } }, /Reply-To Email: .* is not a valid email address/],
		[{ additionalFields: { locale: 'english' } }, /Locale: "english" is not a locale/],
		[{ serviceTemplateId: 'default' }, /Service Review Template: "default" is not a Trustpilot ID/],
		[
			{
				invitationType: 'both',
				serviceOptions: { preferredSendTime: '2030-05-02T10:00:00' },
				productOptions: { preferredSendTime: '2030-05-01T10:00:00' },
				productInput: 'skus',
				productSkus: 'TEE-BLK-M',
			},
			/Product Review Options → Preferred Send Time: is before the service review invitation/,
		],
		[
			// An expression that resolves to nothing, as when an order line has no title.
			{ invitationType: 'product', productInput: 'details', products: { product: [{ sku: 'X-1', name: '={{ $json.title }}' }] } },
			/Products #1 Name: is required/,
		],
		[{ invitationType: 'product', productInput: 'json', productsJson: '{"sku": ' }, /Products \(JSON\): is not valid JSON/],
		[{ invitationType: 'product', productInput: 'skus', productSkus: ' , ' }, /Product SKUs: is required/],
	])('invalid input %# is rejected before sending', async (overrides, message) => {
		const run = await runInvitation('sendEmail', serviceInvitation(overrides as INodeParameters));
		expect(errorOf(run)?.message).toMatch(message);
		expect(run.allRequests).toHaveLength(0);
	});
});

describe('review links', () => {
	test('Generate Service Review Link: POST on the invitations host, returns the link', async () => {
		const run = await runInvitation('generateServiceReviewLink', {
			businessUnit: byId(buId),
			email: 'jane.doe@mail.example.net',
			name: 'Jane Doe',
			referenceId: 'ORDER-2002',
			locale: 'de-DE',
			additionalFields: { tags: 'sms', redirectUri: 'https://www.example.com/danke', locationId: info.locations[1].id },
		});

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({ method: 'POST', host: 'invitations', path: invitationsPath('invitation-links'), status: 200 });
		expect(run.requests[0].body).toEqual({
			email: 'jane.doe@mail.example.net',
			name: 'Jane Doe',
			referenceId: 'ORDER-2002',
			locale: 'de-DE',
			tags: ['sms'],
			redirectUri: 'https://www.example.com/danke',
			locationId: info.locations[1].id,
		});
		expect(run.added.invitationLinks).toHaveLength(1);
		const [stored] = run.added.invitationLinks;
		expect(run.items).toEqual([{ id: stored.id, url: stored.url }]);
		expect(String(stored.url)).toMatch(/^https:\/\/de\.trustpilot\.com\//);
	});

	test('Generate Product Review Link: POST on the API host with consumer and products', async () => {
		const run = await runInvitation('generateProductReviewLink', {
			businessUnit: byId(buId),
			email: 'jane.doe@mail.example.net',
			name: 'Jane Doe',
			referenceId: 'ORDER-3003',
			locale: 'en-US',
			productInput: 'details',
			products: { product: [{ sku: 'TEE-BLK-M', name: 'T-Shirt', productUrl: 'https://www.example.com/tee' }] },
			additionalFields: { redirectUri: 'https://www.example.com/thanks' },
		});

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'POST',
			host: 'api',
			path: `/v1/private/product-reviews/business-units/${buId}/invitation-links`,
			status: 200,
		});
		expect(run.requests[0].body).toEqual({
			consumer: { email: 'jane.doe@mail.example.net', name: 'Jane Doe' },
			referenceId: 'ORDER-3003',
			locale: 'en-US',
			products: [{ sku: 'TEE-BLK-M', name: 'T-Shirt', productUrl: 'https://www.example.com/tee' }],
			redirectUri: 'https://www.example.com/thanks',
		});
		expect(run.added.productInvitationLinks).toHaveLength(1);
		const [stored] = run.added.productInvitationLinks;
		expect(run.items).toEqual([{ reviewLinkId: stored.reviewLinkId, reviewUrl: stored.reviewUrl }]);
	});
});

describe('Get Templates', () => {
	test('one item per template of the business unit, from the invitations host', async () => {
		const run = await runInvitation('getTemplates', { businessUnit: byId(buId) });
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({ method: 'GET', host: 'invitations', path: invitationsPath('templates') });
		expect(run.items).toEqual(info.templates);
		expect(run.result.output.map((item) => item.pairedItem)).toEqual(info.templates.map(() => ({ item: 0 })));
	});
});

describe('Delete Invitation Data', () => {
	test('by customer emails: only those customers\' invitations are removed', async () => {
		for (const email of ['gone@mail.example.net', 'stays@mail.example.net']) {
			const sent = await runInvitation('sendEmail', serviceInvitation({ consumerEmail: email }));
			expect(errorOf(sent)).toBeUndefined();
		}
		const run = await runInvitation('deleteInvitationData', {
			businessUnit: byId(buId),
			deleteBy: 'customerEmails',
			customerEmails: 'gone@mail.example.net\nother@mail.example.net',
		});

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({ method: 'POST', host: 'invitations', path: invitationsPath('invitation-data/delete'), status: 204 });
		expect(run.requests[0].headers['x-business-user-id']).toBe(info.account.businessUser.id);
		expect(run.requests[0].body).toEqual({ customerEmails: ['gone@mail.example.net', 'other@mail.example.net'] });
		const remaining = run.state.emailInvitations.map((entry) => entry.consumerEmail);
		expect(remaining).toContain('stays@mail.example.net');
		expect(remaining).not.toContain('gone@mail.example.net');
		expect(run.added.invitationDataDeletions).toHaveLength(1);
		expect(run.added.invitationDataDeletions[0]).toMatchObject({ deletedEmailInvitations: 1, deleteOlderThan: null });
		expect(run.items).toEqual([
			{
				success: true,
				action: 'deleted',
				statusCode: 204,
				businessUnitId: buId,
				customerEmails: ['gone@mail.example.net', 'other@mail.example.net'],
			},
		]);
	});

	test('older than a date: sends only deleteOlderThan in the documented UTC format', async () => {
		const run = await runInvitation('deleteInvitationData', {
			businessUnit: byId(buId),
			deleteBy: 'olderThan',
			deleteOlderThan: '2020-01-31T23:15:00',
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0].body).toEqual({ deleteOlderThan: '01/31/2020 23:15:00' });
		expect(run.added.invitationDataDeletions).toHaveLength(1);
		expect(run.added.invitationDataDeletions[0]).toMatchObject({
			customerEmails: null,
			deleteOlderThan: '01/31/2020 23:15:00',
		});
		expect(run.items[0]).toMatchObject({ success: true, deleteOlderThan: '01/31/2020 23:15:00' });
	});

	test.each([
		['neither: no emails', { deleteBy: 'customerEmails', customerEmails: ' , ' }, /Customer Emails: is required/],
		['neither: no date', { deleteBy: 'olderThan', deleteOlderThan: '={{ $json.cutoff }}' }, /Delete Older Than: is required/],
		['a bad email', { deleteBy: 'customerEmails', customerEmails: 'a@example.com, nope' }, /Customer Emails #2: "nope" is not a valid email/],
		['a future date', { deleteBy: 'olderThan', deleteOlderThan: '2999-01-01T00:00:00' }, /Delete Older Than: is in the future/],
	])('%s → validation error, nothing sent', async (_label, parameters, message) => {
		const run = await runInvitation('deleteInvitationData', { businessUnit: byId(buId), ...parameters });
		expect(errorOf(run)?.message).toMatch(message);
		expect(run.allRequests).toHaveLength(0);
	});

	test('both criteria given: only the one chosen in "Delete By" can reach Trustpilot', async () => {
		// n8n drops parameters hidden by "Delete By" before the node runs, so the email list
		// never widens into "everything older than".
		const run = await runInvitation('deleteInvitationData', {
			businessUnit: byId(buId),
			deleteBy: 'customerEmails',
			customerEmails: 'gone@mail.example.net',
			deleteOlderThan: '2020-01-01T00:00:00',
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].body).toEqual({ customerEmails: ['gone@mail.example.net'] });
	});

	test('Client Credentials without a Business User ID fails before any request', async () => {
		const run = await runInvitation(
			'deleteInvitationData',
			{ businessUnit: byId(buId), deleteBy: 'customerEmails', customerEmails: 'a@example.com' },
			{ overrides: { businessUserId: '' } },
		);
		expect(errorOf(run)?.message).toMatch(/Business User ID is needed/);
		expect(run.allRequests).toHaveLength(0);
	});
});

describe('template dropdown (loadOptions.getTemplates)', () => {
	/** Runs the node's loadOptions method in n8n-core's own LoadOptionsContext, as the editor does. */
	async function loadTemplates(businessUnit: INodeParameters, mode: AuthMode = 'clientCredentials') {
		const credential = await credentialFor(mode);
		const type = `${PACKAGE_PREFIX}.trustpilot`;
		const parameters: INodeParameters = { resource: 'invitation', operation: 'sendEmail', businessUnit };
		const node: INode = {
			id: 'node-1', name: 'Trustpilot', type, typeVersion: 1, position: [0, 0], parameters, credentials: credential.credentials,
		};
		const nodeType = packageNodeTypes[type] as INodeType;
		const nodeTypes: INodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = {
			credentialsHelper: new TestCredentialsHelper(credential.store),
			currentNodeParameters: parameters,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'serviceTemplateId');
		await emulator.client.clearRequests();
		const options = await nodeType.methods!.loadOptions!.getTemplates.call(context);
		const requests = (await emulator.client.requests()).filter((request) => !request.path.includes('/oauth/'));
		return { options, requests };
	}

	test('lists the business unit\'s templates, default first, after a "default" entry', async () => {
		const { options, requests } = await loadTemplates(byId(buId));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', host: 'invitations', path: invitationsPath('templates') });
		expect(options[0].value).toBe('');
		const listed = options.slice(1);
		expect(listed.map((option) => option.value).sort()).toEqual(info.templates.map((template) => template.id).sort());
		const defaultTemplate = info.templates.find((template) => template.isDefaultTemplate)!;
		expect(listed[0].value).toBe(defaultTemplate.id);
		expect(listed[0].name).toContain(defaultTemplate.name);
	});

	test('a business unit given by domain is resolved first; none chosen yet gives an empty list', async () => {
		const { options, requests } = await loadTemplates({ __rl: true, mode: 'domain', value: info.mainBusinessUnit.domain });
		expect(requests.map((request) => request.path)).toEqual(['/v1/business-units/find', invitationsPath('templates')]);
		expect(options).toHaveLength(info.templates.length + 1);

		const empty = await loadTemplates({ __rl: true, mode: 'list', value: '' });
		expect(empty.options).toEqual([]);
		expect(empty.requests).toHaveLength(0);
	});
});
