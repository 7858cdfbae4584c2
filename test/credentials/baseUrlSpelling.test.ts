// The API Base URL as users paste it: a trailing slash, surrounding spaces. The nodes' transport
// trims both (apiBaseUrlOf); the credential's "Test" button must reach the same address.
import { runCredentialTest } from '../harness/credentialTest';
import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';
import { pollParameters, unitById } from '../harness/reviewSync';
import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { businessUnitByDomain } from '../TrustpilotReviewPollTrigger/truth';

const fixture = useEmulator();

describe('Trustpilot API credential: the API Base URL as pasted', () => {
	it.each([
		['apiKey', 'a trailing slash', (url: string) => `${url}/`],
		['apiKey', 'spaces around it', (url: string) => ` ${url} `],
		['apiKey', 'a slash, then a space', (url: string) => `${url}/ `],
		['clientCredentials', 'spaces and a slash', (url: string) => ` ${url}/ `],
	] as Array<[AuthMode, string, (url: string) => string]>)(
		'%s, %s: the Test button and the nodes both work',
		async (mode, _label, spell) => {
			const apiBaseUrl = spell(fixture.handle.apiUrl);
			const credential = await trustpilotCredential(fixture, mode, { apiBaseUrl });
			expect(await runCredentialTest(credential.store, `trustpilot-${mode}`)).toEqual({
				status: 'OK',
				message: 'Connection tested successfully',
			});
			const unit = await businessUnitByDomain(fixture, 'example.de');
			const poller = new PollRunner(fixture, credential, pollParameters([unitById(unit.id)]));
			expect((await poller.poll()).error).toBeUndefined();
		},
	);
});
