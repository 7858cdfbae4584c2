// Trustpilot › loadOptions.getTemplates (the template dropdown) in the editor's context: the
// templates listed default first, a business unit by domain resolved first, none chosen yet.
import type { INodeParameters } from 'n8n-workflow';

import { apiRequests, editorContext } from '../../harness/editorContext';
import type { AuthMode } from '../../harness/fixtures';
import { byId, credentialFor, invitationsPath, useInvitationEmulator } from '../invitation/support';

const env = useInvitationEmulator();

describe('template dropdown (loadOptions.getTemplates)', () => {
	/** Runs the node's loadOptions method in n8n-core's own LoadOptionsContext, as the editor does. */
	async function loadTemplates(
		businessUnit: INodeParameters,
		mode: AuthMode = 'clientCredentials',
	) {
		const credential = await credentialFor(env, mode);
		const parameters: INodeParameters = {
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit,
		};
		const { methods, context } = editorContext(credential, parameters, 'serviceTemplateId');
		await env.emulator.client.clearRequests();
		const options = await methods.loadOptions!.getTemplates.call(context);
		return { options, requests: await apiRequests(env.emulator) };
	}

	test('lists the business unit\'s templates, default first, after a "default" entry', async () => {
		const { options, requests } = await loadTemplates(byId(env.buId));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			host: 'invitations',
			path: invitationsPath(env, 'templates'),
		});
		expect(options[0].value).toBe('');
		const listed = options.slice(1);
		expect(listed.map((option) => option.value).sort()).toEqual(
			env.info.templates.map((template) => template.id).sort(),
		);
		const defaultTemplate = env.info.templates.find((template) => template.isDefaultTemplate)!;
		expect(listed[0].value).toBe(defaultTemplate.id);
		expect(listed[0].name).toContain(defaultTemplate.name);
	});

	test('a business unit given by domain is resolved first; none chosen yet gives an empty list', async () => {
		const { options, requests } = await loadTemplates({
			__rl: true,
			mode: 'domain',
			value: env.info.mainBusinessUnit.domain,
		});
		expect(requests.map((request) => request.path)).toEqual([
			'/v1/business-units/find',
			invitationsPath(env, 'templates'),
		]);
		expect(options).toHaveLength(env.info.templates.length + 1);

		const empty = await loadTemplates({ __rl: true, mode: 'list', value: '' });
		expect(empty.options).toEqual([]);
		expect(empty.requests).toHaveLength(0);
	});
});
