// Invitation › Get Templates: one paired item per template of the business unit, from the invitations host.

import { byId, errorOf, invitationsPath, runInvitation, useInvitationEmulator } from './support';

const env = useInvitationEmulator();

describe('Get Templates', () => {
	test('one item per template of the business unit, from the invitations host', async () => {
		const run = await runInvitation(env, 'getTemplates', { businessUnit: byId(env.buId) });
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'invitations',
			path: invitationsPath(env, 'templates'),
		});
		expect(run.items).toEqual(env.info.templates);
		expect(run.result.output.map((item) => item.pairedItem)).toEqual(
			env.info.templates.map(() => ({ item: 0 })),
		);
	});
});
