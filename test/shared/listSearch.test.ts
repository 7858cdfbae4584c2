// The business-unit picker ("From List") run in n8n-core's own LoadOptionsContext, as the editor
// runs it: search results, and with an access token the account's own units first.
import type { INodeParameters } from 'n8n-workflow';

import { apiRequests, editorContext } from '../harness/editorContext';
import type { AuthMode } from '../harness/fixtures';
import { credentialFor, useInvitationEmulator } from '../Trustpilot/invitation/support';

const env = useInvitationEmulator();

async function searchList(filter: string, mode: AuthMode) {
	const credential = await credentialFor(env, mode);
	const parameters: INodeParameters = { resource: 'businessUnit', operation: 'get' };
	const { methods, context } = editorContext(credential, parameters, 'businessUnit');
	await env.emulator.client.clearRequests();
	const result = await methods.listSearch!.searchBusinessUnits.call(context, filter);
	return { result, requests: await apiRequests(env.emulator) };
}

const OWN_DOMAINS = ['example.com', 'shop.example.org', 'example.de'];
const OTHER_DOMAIN = 'other-shop.example.net';
const domainOf = (name: string) => /\(([^)]+)\)/.exec(name)?.[1] ?? name;

describe('business unit "From List"', () => {
	test("with Client Credentials, the account's own units come first and say so; another company's unit after", async () => {
		const { result, requests } = await searchList('example', 'clientCredentials');
		const names = result.results.map((item) => item.name);
		const ownCount = names.filter((name) => name.endsWith(' · your account')).length;
		expect(ownCount).toBe(OWN_DOMAINS.length);
		expect(names.slice(0, ownCount).map(domainOf).sort()).toEqual([...OWN_DOMAINS].sort());
		expect(names.slice(ownCount).map(domainOf)).toContain(OTHER_DOMAIN);
		expect(result.results.find((item) => domainOf(item.name) === OTHER_DOMAIN)?.name).not.toContain(
			'your account',
		);
		// One search plus one private read per checked match (at most 10), nothing else.
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/v1/business-units/search' });
		const checks = requests.slice(1);
		expect(checks.length).toBe(Math.min(10, result.results.length));
		for (const check of checks)
			expect(check.path).toMatch(/^\/v1\/private\/business-units\/[0-9a-f]{24}$/);
	});

	test("with API Key Only, search results in Trustpilot's order and no private requests", async () => {
		const { result, requests } = await searchList('example', 'apiKey');
		expect(result.results.length).toBeGreaterThan(3);
		expect(result.results.some((item) => item.name.includes('your account'))).toBe(false);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/v1/business-units/search' });
	});

	test('every result carries the unit ID as value and a link to its Trustpilot page', async () => {
		const { result } = await searchList('example.de', 'clientCredentials');
		const german = result.results.find((item) => domainOf(item.name) === 'example.de');
		expect(german?.value).toMatch(/^[0-9a-f]{24}$/);
		expect(german?.url).toBe('https://www.trustpilot.com/review/example.de');
	});
});
