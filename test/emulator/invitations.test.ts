import { useEmulator } from '../harness/fixtures';
import { callApi, requestToken, type JsonObject } from '../harness/emulatorClient';

const env = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });
let bearer: string;

beforeEach(async () => {
	const response = await requestToken(
		env.handle.apiUrl,
		{ grant_type: 'client_credentials' },
		env.info.account,
	);
	bearer = response.json.access_token;
});

const base = () =>
	`${env.handle.invitationsUrl}/private/business-units/${env.info.mainBusinessUnit.id}`;
const headers = () => ({
	apikey: env.info.account.apiKey,
	authorization: `Bearer ${bearer}`,
	'content-type': 'application/json',
	'x-business-user-id': env.info.account.businessUser.id,
});
const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
	callApi(`${base()}${path}`, {
		method: 'POST',
		headers: { ...headers(), ...extra },
		body: JSON.stringify(body),
	});

const omit = (body: JsonObject, ...keys: string[]): JsonObject =>
	Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));

const validInvitation = () => ({
	consumerEmail: 'jane.doe@example.net',
	consumerName: 'Jane Doe',
	referenceNumber: 'ORD-1001',
	locale: 'en-US',
	senderEmail: 'noreply@example.com',
	senderName: 'Example Store',
	replyTo: 'support@example.com',
	type: 'email',
	serviceReviewInvitation: {
		templateId: env.info.templates[0].id,
		preferredSendTime: '09/07/2030 13:37:00',
		redirectUri: 'https://example.com/thanks',
		tags: ['summer-sale', 'vip'],
	},
	productReviewInvitation: {
		templateId: env.info.templates[0].id,
		preferredSendTime: '2030-09-08T13:37:00Z',
		productSkus: [env.info.skus[0]],
	},
});

describe('email invitations', () => {
	it('accepts a full body with 202 and an empty body, and stores it', async () => {
		const response = await post('/email-invitations', validInvitation());
		expect(response.status).toBe(202);
		expect(response.text).toBe('');
		const { emailInvitations } = await env.client.state();
		expect(emailInvitations).toHaveLength(1);
		expect(emailInvitations[0]).toMatchObject({
			...validInvitation(),
			businessUnitId: env.info.mainBusinessUnit.id,
			businessUserId: env.info.account.businessUser.id,
		});
		expect(String(emailInvitations[0].id)).toMatch(/^[0-9a-f]{24}$/);
	});

	it('accepts the minimal body and ISO send times', async () => {
		const minimal = {
			consumerEmail: 'a@b.co',
			consumerName: 'A',
			referenceNumber: '1',
			serviceReviewInvitation: { preferredSendTime: '2030-01-01T10:00:00' },
		};
		expect((await post('/email-invitations', minimal)).status).toBe(202);
	});

	it.each([
		['consumerEmail', (body: JsonObject) => ({ ...body, consumerEmail: 'not-an-email' })],
		['consumerName', (body: JsonObject) => ({ ...body, consumerName: '' })],
		['referenceNumber', (body: JsonObject) => omit(body, 'referenceNumber')],
		[
			'serviceReviewInvitation',
			(body: JsonObject) => omit(body, 'serviceReviewInvitation', 'productReviewInvitation'),
		],
		[
			'serviceReviewInvitation.templateId',
			(body: JsonObject) => ({
				...body,
				serviceReviewInvitation: { templateId: 'ffffffffffffffffffffffff' },
			}),
		],
		[
			'serviceReviewInvitation.preferredSendTime',
			(body: JsonObject) => ({
				...body,
				serviceReviewInvitation: { preferredSendTime: '2030-13-45 99:00' },
			}),
		],
		[
			'serviceReviewInvitation.preferredSendTime',
			(body: JsonObject) => ({
				...body,
				serviceReviewInvitation: { preferredSendTime: '2030-01-01T10:00:00+02:00' },
			}),
		],
		[
			'serviceReviewInvitation.tags',
			(body: JsonObject) => ({ ...body, serviceReviewInvitation: { tags: ['has space'] } }),
		],
		[
			'productReviewInvitation',
			(body: JsonObject) => ({
				...body,
				productReviewInvitation: { products: [{ sku: 'A' }], productSkus: ['A'] },
			}),
		],
		['productReviewInvitation', (body: JsonObject) => ({ ...body, productReviewInvitation: {} })],
		[
			'productReviewInvitation.productSkus',
			(body: JsonObject) => ({
				...body,
				productReviewInvitation: { productSkus: ['NOT-IN-CATALOGUE'] },
			}),
		],
		[
			'productReviewInvitation.preferredSendTime',
			(body: JsonObject) => ({
				...body,
				serviceReviewInvitation: { preferredSendTime: '09/07/2030 13:37:00' },
				productReviewInvitation: {
					productSkus: [env.info.skus[0]],
					preferredSendTime: '09/06/2030 13:37:00',
				},
			}),
		],
		['locale', (body: JsonObject) => ({ ...body, locale: 'english' })],
		['senderEmail', (body: JsonObject) => ({ ...body, senderEmail: 'nope' })],
	])('rejects a bad %s with 400 naming the field', async (field, mutate) => {
		const response = await post('/email-invitations', mutate(validInvitation()));
		expect(response.status).toBe(400);
		expect(response.json).toEqual({
			errorCode: 400,
			message: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}: `)),
		});
		expect((await env.client.state()).emailInvitations).toHaveLength(0);
	});

	it('needs a JSON body', async () => {
		const response = await callApi(`${base()}/email-invitations`, {
			method: 'POST',
			headers: { ...headers(), 'content-type': 'text/plain' },
			body: 'consumerEmail=a@b.co',
		});
		expect(response.status).toBe(415);
		expect(response.json).toMatchObject({ errorCode: 415 });
		const broken = await callApi(`${base()}/email-invitations`, {
			method: 'POST',
			headers: headers(),
			body: '{"consumerEmail":',
		});
		expect(broken.status).toBe(400);
	});
});

describe('links, templates and deletion', () => {
	it('generates service-review invitation links', async () => {
		const response = await post('/invitation-links', {
			referenceId: 'ORD-2',
			email: 'link@example.net',
			name: 'Link Person',
			locale: 'da-DK',
			tags: ['a'],
			redirectUri: 'https://example.com',
		});
		expect(response.status).toBe(200);
		const body = response.json as { id: string; url: string };
		expect(body.id).toMatch(/^[0-9a-f]{24}$/);
		expect(body.url).toContain(body.id);
		expect((await env.client.state()).invitationLinks).toEqual([
			expect.objectContaining({ id: body.id, email: 'link@example.net' }),
		]);
		expect((await post('/invitation-links', { referenceId: 'x', name: 'n' })).status).toBe(400);
	});

	it('lists standard and custom templates with exactly one default', async () => {
		const response = await callApi<{
			templates: Array<{
				id: string;
				isDefaultTemplate: boolean;
				locale: string;
				type: string;
				name: string;
			}>;
		}>(`${base()}/templates`, { headers: headers() });
		expect(response.status).toBe(200);
		const { templates } = response.json;
		expect(templates.filter((template) => template.isDefaultTemplate)).toHaveLength(1);
		expect(new Set(templates.map((template) => template.type))).toEqual(
			new Set(['Standard', 'Custom']),
		);
		expect(new Set(templates.map((template) => template.locale)).size).toBeGreaterThanOrEqual(3);
		expect(templates.map((template) => template.id)).toEqual(
			env.info.templates.map((template) => template.id),
		);
	});

	it('deletes stored invitation data by e-mail or by age, exactly one criterion', async () => {
		const invitation = validInvitation();
		await post('/email-invitations', invitation);
		await post('/email-invitations', { ...invitation, consumerEmail: 'keep@example.net' });
		const both = await post('/invitation-data/delete', {
			customerEmails: ['jane.doe@example.net'],
			deleteOlderThan: '09/07/2013 13:37:00',
		});
		expect(both.status).toBe(400);
		expect((await post('/invitation-data/delete', {})).status).toBe(400);
		const byEmail = await post('/invitation-data/delete', {
			customerEmails: ['JANE.DOE@example.net'],
		});
		expect(byEmail.status).toBe(204);
		let state = await env.client.state();
		expect(state.emailInvitations.map((item) => item.consumerEmail)).toEqual(['keep@example.net']);
		expect(state.invitationDataDeletions).toEqual([
			expect.objectContaining({
				customerEmails: ['JANE.DOE@example.net'],
				deleteOlderThan: null,
				deletedEmailInvitations: 1,
				businessUserId: env.info.account.businessUser.id,
			}),
		]);
		const byAge = await post('/invitation-data/delete', { deleteOlderThan: '12/31/2999 23:59:59' });
		expect(byAge.status).toBe(204);
		state = await env.client.state();
		expect(state.emailInvitations).toHaveLength(0);
		expect(state.invitationDataDeletions[1]).toMatchObject({
			deleteOlderThan: '12/31/2999 23:59:59',
			deletedEmailInvitations: 1,
		});
		const noUser = await callApi(`${base()}/invitation-data/delete`, {
			method: 'POST',
			headers: { ...headers(), 'x-business-user-id': '' },
			body: JSON.stringify({ customerEmails: ['a@b.co'] }),
		});
		expect(noUser.status).toBe(403);
	});

	it('refuses business units of another account', async () => {
		const response = await callApi(
			`${env.handle.invitationsUrl}/private/business-units/${env.info.otherAccount.businessUnitId}/templates`,
			{ headers: headers() },
		);
		expect(response.status).toBe(403);
	});
});
