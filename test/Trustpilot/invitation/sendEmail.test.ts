// Invitation › Send Email Invitation against the emulator: what reaches the invitations host,
// the business-user header, the "never invite twice" rule on uncertain outcomes, and input checks.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	errorOf,
	invitationsPath,
	runInvitation,
	serviceInvitation,
	useInvitationEmulator,
} from './support';

const env = useInvitationEmulator();

describe('Send Email Invitation', () => {
	test('service invitation: POST on the invitations host with the business user header, stored once', async () => {
		const template = env.info.templates.find((candidate) => !candidate.isDefaultTemplate)!;
		const run = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, {
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
					locationId: env.info.locations[0].id,
				},
			}),
		);

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		const [request] = run.requests;
		expect(request).toMatchObject({
			method: 'POST',
			host: 'invitations',
			path: invitationsPath(env, 'email-invitations'),
			status: 202,
		});
		expect(request.headers['x-business-user-id']).toBe(env.info.account.businessUser.id);
		expect(request.body).toEqual({
			consumerEmail: 'jane.doe@mail.example.net',
			consumerName: 'Jane Doe',
			referenceNumber: 'ORDER-1001',
			locale: 'da-DK',
			senderName: 'Example Store',
			senderEmail: 'noreply@example.com',
			replyTo: 'support@example.com',
			locationId: env.info.locations[0].id,
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
			businessUnitId: env.buId,
			businessUserId: env.info.account.businessUser.id,
			consumerEmail: 'jane.doe@mail.example.net',
			status: 'queued',
		});

		// The API answers 202 with no body: the node says clearly what happened.
		expect(run.items).toEqual([
			{
				success: true,
				status: 'queued',
				statusCode: 202,
				businessUnitId: env.buId,
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
			env,
			'sendEmail',
			serviceInvitation(env, {
				invitationType: 'both',
				serviceOptions: { preferredSendTime: '2030-05-01T09:00:00Z' },
				productOptions: {
					preferredSendTime: '2030-05-08T09:00:00+02:00',
					redirectUri: 'https://www.example.com/p',
				},
				productInput: 'details',
				products: {
					product: [
						{
							sku: 'TEE-BLK-M',
							name: 'T-Shirt',
							productUrl: 'https://www.example.com/tee',
							brand: 'Example Basics',
						},
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
				{
					sku: 'TEE-BLK-M',
					name: 'T-Shirt',
					productUrl: 'https://www.example.com/tee',
					brand: 'Example Basics',
				},
				{ sku: 'MUG-CER-01', name: 'Mug', gtin: '5700000000001' },
			],
		});
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			success: true,
			serviceReviewInvitation: true,
			productReviewInvitation: true,
		});
	});

	test('product invitation by catalogue SKUs, and from a JSON array of line items', async () => {
		const skus = env.info.skus.slice(0, 2);
		const bySkus = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, {
				invitationType: 'product',
				productInput: 'skus',
				productSkus: skus.join(', '),
			}),
		);
		expect(errorOf(bySkus)).toBeUndefined();
		expect(bySkus.requests[0].body).toMatchObject({
			productReviewInvitation: { productSkus: skus },
		});
		expect((bySkus.requests[0].body as IDataObject).serviceReviewInvitation).toBeUndefined();
		expect(bySkus.added.emailInvitations).toHaveLength(1);

		const byJson = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, {
				invitationType: 'product',
				productInput: 'json',
				productsJson: '={{ $json.lines }}',
			}),
			{
				input: [
					{
						lines: [
							{
								sku: 'HOOD-GRY-L',
								name: 'Hoodie',
								price: 59,
								imageUrl: 'https://www.example.com/h.jpg',
							},
						],
					},
				],
			},
		);
		expect(errorOf(byJson)).toBeUndefined();
		// Keys Trustpilot does not know (price) are not sent.
		expect(byJson.requests[0].body).toMatchObject({
			productReviewInvitation: {
				products: [
					{ sku: 'HOOD-GRY-L', name: 'Hoodie', imageUrl: 'https://www.example.com/h.jpg' },
				],
			},
		});
		expect(byJson.added.emailInvitations).toHaveLength(1);
	});

	test('a business unit given by domain is looked up once, after the inputs were checked', async () => {
		const byDomain = { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain };
		const bad = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, { businessUnit: byDomain, consumerEmail: 'jane@' }),
		);
		expect(errorOf(bad)?.message).toMatch(/Customer Email/);
		expect(bad.allRequests).toHaveLength(0);

		const good = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, { businessUnit: byDomain, consumerEmail: '={{ $json.email }}' }),
			{ input: [{ email: 'one@mail.example.net' }, { email: 'two@mail.example.net' }] },
		);
		expect(errorOf(good)).toBeUndefined();
		expect(
			good.requests.map((request) => `${request.method} ${request.host} ${request.path}`),
		).toEqual([
			'GET api /v1/business-units/find',
			`POST invitations ${invitationsPath(env, 'email-invitations')}`,
			`POST invitations ${invitationsPath(env, 'email-invitations')}`,
		]);
		expect(good.added.emailInvitations.map((entry) => entry.businessUnitId)).toEqual([
			env.buId,
			env.buId,
		]);
	});

	test('Business User Login sends no header: Trustpilot takes the user from the token', async () => {
		const run = await runInvitation(env, 'sendEmail', serviceInvitation(env), { mode: 'password' });
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0].headers['x-business-user-id']).toBeUndefined();
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.added.emailInvitations[0].businessUserId).toBe(env.info.account.businessUser.id);
	});

	test('Client Credentials without a Business User ID fails before any request', async () => {
		const run = await runInvitation(env, 'sendEmail', serviceInvitation(env), {
			overrides: { businessUserId: '' },
		});
		expect(errorOf(run)?.message).toMatch(/Business User ID is needed/);
		expect(run.allRequests).toHaveLength(0);
		expect(run.added.emailInvitations).toHaveLength(0);
	});

	test('API Key Only fails before any request, naming the modes that work', async () => {
		const run = await runInvitation(env, 'sendEmail', serviceInvitation(env), { mode: 'apiKey' });
		const error = errorOf(run) as Error & { description?: string };
		expect(error.message).toMatch(/access token/);
		expect(error.description).toMatch(/Client Credentials/);
		expect(run.allRequests).toHaveLength(0);
	});

	test('a business unit ID given as Business User ID: 403 naming the business user, nothing stored', async () => {
		const run = await runInvitation(env, 'sendEmail', serviceInvitation(env), {
			overrides: { businessUserId: env.buId },
		});
		const error = errorOf(run) as Error & { description?: string; httpCode?: string };
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/Business User ID/);
		expect(error.message).toMatch(/not a business unit/);
		expect(error.description).toContain(env.buId);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].headers['x-business-user-id']).toBe(env.buId);
		expect(run.added.emailInvitations).toHaveLength(0);
	});

	test('a 500 after the invitation was stored is not retried: uncertain outcome, exactly one invitation', async () => {
		await env.emulator.client.addFault({
			match: { host: 'invitations', method: 'POST', pathRegex: 'email-invitations$' },
			action: { status: 500, afterProcess: true },
			// Would also fail a second attempt, so a retry could not hide behind a success.
			times: 2,
		});
		const run = await runInvitation(env, 'sendEmail', serviceInvitation(env), {
			continueOnFail: true,
		});

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
		await env.emulator.client.addFault({
			match: { host: 'invitations', method: 'POST', pathRegex: 'email-invitations$' },
			action: { status: 429, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const run = await runInvitation(env, 'sendEmail', serviceInvitation(env));

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((request) => request.status)).toEqual([429, 202]);
		expect(run.requests[1].body).toEqual(run.requests[0].body);
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ success: true, statusCode: 202 });
	});

	test('continueOnFail: a bad email becomes an error item, the other customers are invited', async () => {
		const run = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, {
				consumerEmail: '={{ $json.email }}',
				consumerName: '={{ $json.name }}',
				referenceNumber: '={{ $json.order }}',
			}),
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
		expect(run.items[1].error).toBe(
			'Customer Email: "bob at example" is not a valid email address',
		);
		expect(run.items[1].details).toMatch(/item 2/);
		expect(run.items[2]).toMatchObject({ success: true, consumerEmail: 'cid@mail.example.net' });
		expect(run.result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(run.requests.map((request) => (request.body as IDataObject).consumerEmail)).toEqual([
			'ann@mail.example.net',
			'cid@mail.example.net',
		]);
		expect(run.added.emailInvitations.map((entry) => entry.referenceNumber)).toEqual([
			'A-1',
			'A-3',
		]);
	});

	test.each([
		[{ serviceOptions: { tags: 'vip customer' } }, /Tags: the tag "vip customer" contains a space/],
		[
			{ serviceOptions: { preferredSendTime: 'next tuesday' } },
			/Preferred Send Time: "next tuesday" is not a date/,
		],
		[
			{ serviceOptions: { redirectUri: 'example.com/thanks' } },
			/Redirect URI: .* is not a web address/,
		],
		[
			{ additionalFields: { replyTo: 'support(at)example.com' } },
			/Reply-To Email: .* is not a valid email address/,
		],
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
			{
				invitationType: 'product',
				productInput: 'details',
				products: { product: [{ sku: 'X-1', name: '={{ $json.title }}' }] },
			},
			/Products #1 Name: is required/,
		],
		[
			{ invitationType: 'product', productInput: 'json', productsJson: '{"sku": ' },
			/Products \(JSON\): is not valid JSON/,
		],
		[
			{ invitationType: 'product', productInput: 'skus', productSkus: ' , ' },
			/Product SKUs: is required/,
		],
	])('invalid input %# is rejected before sending', async (overrides, message) => {
		const run = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, overrides as INodeParameters),
		);
		expect(errorOf(run)?.message).toMatch(message);
		expect(run.allRequests).toHaveLength(0);
	});

	test('Invite To Review from an expression: a value that is no choice fails, it never widens to both invitations', async () => {
		const skus = env.info.skus.slice(0, 1);
		const run = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, {
				invitationType: '={{ $json.type }}',
				productInput: 'skus',
				productSkus: skus.join(','),
			}),
			{ input: [{ type: 'products' }, { type: ' Product ' }], continueOnFail: true },
		);
		expect(run.items[0].error).toBe(
			'Invite To Review: "products" is not one of service, both, product',
		);
		expect(run.items[0].details).toMatch(/item 1\b/);
		// " Product " is the choice "product": a product invitation only, no service invitation.
		expect(run.items[1]).toMatchObject({
			success: true,
			serviceReviewInvitation: false,
			productReviewInvitation: true,
		});
		expect(run.requests).toHaveLength(1);
		expect((run.requests[0].body as IDataObject).serviceReviewInvitation).toBeUndefined();
		expect(run.added.emailInvitations).toHaveLength(1);
	});

	test('Products From given by an expression in another case reads that input, not the product rows', async () => {
		const run = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, {
				invitationType: 'product',
				productInput: '={{ "JSON" }}',
				productsJson: '={{ $json.lines }}',
			}),
			{ input: [{ lines: [{ sku: 'HOOD-GRY-L', name: 'Hoodie' }] }] },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0].body).toMatchObject({
			productReviewInvitation: { products: [{ sku: 'HOOD-GRY-L', name: 'Hoodie' }] },
		});
		const bad = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, { invitationType: 'product', productInput: '={{ "csv" }}' }),
		);
		expect(errorOf(bad)?.message).toBe('Products From: "csv" is not one of details, json, skus');
		expect(bad.requests).toHaveLength(0);
	});
});
