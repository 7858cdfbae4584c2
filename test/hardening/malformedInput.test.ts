// Class 3 of issue 12: nothing malformed reaches a customer. A text parameter whose expression
// resolves to an object or a list is an item error naming the field (never "[object Object]"),
// for every text that is sent or encrypted; impossible calendar dates and bare numbers are
// errors; numeric settings are checked where they are read. Each case asserts that Trustpilot
// (the emulator) received no write at all.
import { runLinkGenerator } from '../TrustpilotLinkGenerator/helpers';
import {
	byId,
	errorOf,
	runInvitation,
	serviceInvitation,
	useInvitationEmulator,
} from '../Trustpilot/invitation/support';

const env = useInvitationEmulator();
const CUSTOMER = { name: { first: 'Jane', last: 'Doe' }, tags: [{ a: 1 }], order: { id: 7 } };

describe('a text parameter that resolves to an object or list', () => {
	test('Send Email Invitation: Customer Name from an object is an item error; nothing is queued', async () => {
		const run = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, { consumerName: '={{ $json.name }}' }),
			{ input: [CUSTOMER, { name: 'Jane Doe' }], continueOnFail: true },
		);
		expect(run.items[0].error).toMatch(/^Customer Name: must be text, but the value is an object/);
		// The second item is processed normally.
		expect(run.items[1]).toMatchObject({ success: true, status: 'queued' });
		expect(run.added.emailInvitations).toHaveLength(1);
		expect(run.added.emailInvitations[0]).toMatchObject({ consumerName: 'Jane Doe' });
		expect(JSON.stringify(run.allRequests)).not.toContain('[object Object]');
	});

	test('Send Email Invitation: a list as Reference Number and an object as Sender Name are refused', async () => {
		for (const [parameters, field] of [
			[{ referenceNumber: '={{ [1, 2] }}' }, 'Reference Number'],
			[{ additionalFields: { senderName: '={{ $json.order }}' } }, 'Sender Name'],
		] as const) {
			const run = await runInvitation(env, 'sendEmail', serviceInvitation(env, parameters), {
				input: [CUSTOMER],
				continueOnFail: true,
			});
			expect(run.items[0].error).toMatch(new RegExp(`^${field}: must be text`));
			expect(run.requests).toHaveLength(0);
		}
	});

	test('Service review link: an object Location ID is refused before any request', async () => {
		const run = await runInvitation(
			env,
			'generateServiceReviewLink',
			{
				businessUnit: byId(env.buId),
				email: 'jane@mail.example.net',
				name: 'Jane',
				referenceId: 'ORDER-9',
				additionalFields: { locationId: '={{ $json.order }}' },
			},
			{ input: [CUSTOMER], continueOnFail: true },
		);
		expect(run.items[0].error).toMatch(/^Location ID: must be text, but the value is an object/);
		expect(run.requests).toHaveLength(0);
	});

	test('Link Generator: an object name or a list of objects as SKUs is never encrypted into a link', async () => {
		const keys = env.info.bgl;
		const run = await runLinkGenerator(
			keys,
			{
				operation: 'generate',
				email: 'jane@mail.example.net',
				name: '={{ $json.name }}',
				referenceNumber: 'R-1',
				additionalFields: { skus: '={{ $json.tags }}' },
			},
			[CUSTOMER, { name: 'Jane', tags: [{ sku: 'A' }] }, { name: 'Jane', tags: ['A', 'B'] }],
			{ continueOnFail: true },
		);
		const items = run.output.map((item) => item.json);
		expect(items[0].error).toMatch(/^Customer Name: must be text, but the value is an object/);
		expect(items[1].error).toMatch(/^SKUs #1: must be text, but the value is an object/);
		expect(items[2]).toMatchObject({ name: 'Jane', skus: ['A', 'B'] });
		expect(items[2].url).toEqual(expect.stringContaining('trustpilot.com/evaluate-bgl/'));
	});
});

describe('impossible calendar dates are errors, not rolled over', () => {
	test.each([
		'2024-02-30',
		'2023-02-29',
		'2024-06-31',
		'20240501',
		'1714556400000',
		'2024-05-01T24:00:00',
	])('Delete Invitation Data: Delete Older Than "%s" deletes nothing', async (date) => {
		const run = await runInvitation(
			env,
			'deleteInvitationData',
			{ businessUnit: byId(env.buId), deleteBy: 'olderThan', deleteOlderThan: date },
			{ continueOnFail: true },
		);
		expect(run.items[0].error).toMatch(
			/^Delete Older Than: ".*" is not a (calendar date|date|valid time of day)/,
		);
		expect(run.requests).toHaveLength(0);
		expect(run.added.invitationDataDeletions).toHaveLength(0);
	});

	test('a leap day in a leap year is accepted and sent as that day, in UTC', async () => {
		const run = await runInvitation(env, 'deleteInvitationData', {
			businessUnit: byId(env.buId),
			deleteBy: 'olderThan',
			deleteOlderThan: '2024-02-29 23:30:00',
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0].body).toEqual({ deleteOlderThan: '02/29/2024 23:30:00' });
	});

	test('Preferred Send Time on 2024-02-30 is refused; no invitation is queued', async () => {
		const run = await runInvitation(
			env,
			'sendEmail',
			serviceInvitation(env, { serviceOptions: { preferredSendTime: '2024-02-30T10:00:00' } }),
			{ continueOnFail: true },
		);
		expect(run.items[0].error).toMatch(
			/Preferred Send Time: "2024-02-30T10:00:00" is not a calendar date/,
		);
		expect(run.added.emailInvitations).toHaveLength(0);
	});
});
