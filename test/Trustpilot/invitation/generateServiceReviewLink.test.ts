// Invitation › Generate Service Review Link: the POST on the invitations host, and the link returned.

import { byId, errorOf, invitationsPath, runInvitation, useInvitationEmulator } from './support';

const env = useInvitationEmulator();

describe('review links', () => {
	test('Generate Service Review Link: POST on the invitations host, returns the link', async () => {
		const run = await runInvitation(env, 'generateServiceReviewLink', {
			businessUnit: byId(env.buId),
			email: 'jane.doe@mail.example.net',
			name: 'Jane Doe',
			referenceId: 'ORDER-2002',
			locale: 'de-DE',
			additionalFields: {
				tags: 'sms',
				redirectUri: 'https://www.example.com/danke',
				locationId: env.info.locations[1].id,
			},
		});

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'POST',
			host: 'invitations',
			path: invitationsPath(env, 'invitation-links'),
			status: 200,
		});
		expect(run.requests[0].body).toEqual({
			email: 'jane.doe@mail.example.net',
			name: 'Jane Doe',
			referenceId: 'ORDER-2002',
			locale: 'de-DE',
			tags: ['sms'],
			redirectUri: 'https://www.example.com/danke',
			locationId: env.info.locations[1].id,
		});
		expect(run.added.invitationLinks).toHaveLength(1);
		const [stored] = run.added.invitationLinks;
		expect(run.items).toEqual([{ id: stored.id, url: stored.url }]);
		expect(String(stored.url)).toMatch(/^https:\/\/de\.trustpilot\.com\//);
	});
});
