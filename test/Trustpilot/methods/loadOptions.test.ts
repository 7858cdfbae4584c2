// Invitation › review links and templates against the emulator: the service link on the
// invitations host, the product link on the API host, Get Templates and the template dropdown.
import { LoadOptionsContext } from 'n8n-core';
import type {
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../../harness/credentials';
import { PACKAGE_PREFIX } from '../../harness/engine';
import type { AuthMode } from '../../harness/fixtures';
import { packageNodeTypes } from '../../harness/packageTypes';
import { byId, credentialFor, invitationsPath, useInvitationEmulator } from '../invitation/support';

const env = useInvitationEmulator();

describe('template dropdown (loadOptions.getTemplates)', () => {
	/** Runs the node's loadOptions method in n8n-core's own LoadOptionsContext, as the editor does. */
	async function loadTemplates(
		businessUnit: INodeParameters,
		mode: AuthMode = 'clientCredentials',
	) {
		const credential = await credentialFor(env, mode);
		const type = `${PACKAGE_PREFIX}.trustpilot`;
		const parameters: INodeParameters = {
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit,
		};
		const node: INode = {
			id: 'node-1',
			name: 'Trustpilot',
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: credential.credentials,
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
		await env.emulator.client.clearRequests();
		const options = await nodeType.methods!.loadOptions!.getTemplates.call(context);
		const requests = (await env.emulator.client.requests()).filter(
			(request) => !request.path.includes('/oauth/'),
		);
		return { options, requests };
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
