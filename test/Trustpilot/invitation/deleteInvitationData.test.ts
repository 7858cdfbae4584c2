// Invitation › Delete Invitation Data (GDPR) against the emulator: by customer emails or by age,
// what is removed, the business-user header, and the checks made before anything is sent.
import {
	byId,
	errorOf,
	invitationsPath,
	runInvitation,
	serviceInvitation,
	useInvitationEmulator,
} from './support';

const env = useInvitationEmulator();

describe('Delete Invitation Data', () => {
	test("by customer emails: only those customers' invitations are removed", async () => {
		for (const email of ['gone@mail.example.net', 'stays@mail.example.net']) {
			const sent = await runInvitation(
				env,
				'sendEmail',
				serviceInvitation(env, { consumerEmail: email }),
			);
			expect(errorOf(sent)).toBeUndefined();
		}
		const run = await runInvitation(env, 'deleteInvitationData', {
			businessUnit: byId(env.buId),
			deleteBy: 'customerEmails',
			customerEmails: 'gone@mail.example.net\nother@mail.example.net',
		});

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'POST',
			host: 'invitations',
			path: invitationsPath(env, 'invitation-data/delete'),
			status: 204,
		});
		expect(run.requests[0].headers['x-business-user-id']).toBe(env.info.account.businessUser.id);
		expect(run.requests[0].body).toEqual({
			customerEmails: ['gone@mail.example.net', 'other@mail.example.net'],
		});
		const remaining = run.state.emailInvitations.map((entry) => entry.consumerEmail);
		expect(remaining).toContain('stays@mail.example.net');
		expect(remaining).not.toContain('gone@mail.example.net');
		expect(run.added.invitationDataDeletions).toHaveLength(1);
		expect(run.added.invitationDataDeletions[0]).toMatchObject({
			deletedEmailInvitations: 1,
			deleteOlderThan: null,
		});
		expect(run.items).toEqual([
			{
				success: true,
				action: 'deleted',
				statusCode: 204,
				businessUnitId: env.buId,
				customerEmails: ['gone@mail.example.net', 'other@mail.example.net'],
			},
		]);
	});

	test('older than a date: sends only deleteOlderThan in the documented UTC format', async () => {
		const run = await runInvitation(env, 'deleteInvitationData', {
			businessUnit: byId(env.buId),
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
		[
			'neither: no emails',
			{ deleteBy: 'customerEmails', customerEmails: ' , ' },
			/Customer Emails: is required/,
		],
		[
			'neither: no date',
			{ deleteBy: 'olderThan', deleteOlderThan: '={{ $json.cutoff }}' },
			/Delete Older Than: is required/,
		],
		[
			'a bad email',
			{ deleteBy: 'customerEmails', customerEmails: 'a@example.com, nope' },
			/Customer Emails #2: "nope" is not a valid email/,
		],
		[
			'a future date',
			{ deleteBy: 'olderThan', deleteOlderThan: '2999-01-01T00:00:00' },
			/Delete Older Than: is in the future/,
		],
	])('%s → validation error, nothing sent', async (_label, parameters, message) => {
		const run = await runInvitation(env, 'deleteInvitationData', {
			businessUnit: byId(env.buId),
			...parameters,
		});
		expect(errorOf(run)?.message).toMatch(message);
		expect(run.allRequests).toHaveLength(0);
	});

	test('both criteria given: only the one chosen in "Delete By" can reach Trustpilot', async () => {
		// n8n drops parameters hidden by "Delete By" before the node runs, so the email list
		// never widens into "everything older than".
		const run = await runInvitation(env, 'deleteInvitationData', {
			businessUnit: byId(env.buId),
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
			env,
			'deleteInvitationData',
			{ businessUnit: byId(env.buId), deleteBy: 'customerEmails', customerEmails: 'a@example.com' },
			{ overrides: { businessUserId: '' } },
		);
		expect(errorOf(run)?.message).toMatch(/Business User ID is needed/);
		expect(run.allRequests).toHaveLength(0);
	});
});
