// Business Unit › Get Web Links: the locale sent and an empty locale refused before sending.

import { byId, errorOf, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

describe('single business unit', () => {
	test('Get Web Links: locale is sent; a missing locale fails before sending', async () => {
		const run = await runBusinessUnit(emulator, 'getWebLinks', {
			businessUnit: byId(env.buId),
			locale: 'da-DK',
		});
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${env.buId}/web-links`,
		});
		expect(run.requests[0].query).toEqual({ locale: 'da-DK' });
		expect(run.items[0]).toMatchObject({ locale: 'da-DK' });
		expect(String(run.items[0].profileUrl)).toContain(env.info.mainBusinessUnit.domain);

		const missing = await runBusinessUnit(emulator, 'getWebLinks', {
			businessUnit: byId(env.buId),
			locale: '={{ $json.locale }}',
		});
		expect(errorOf(missing)?.message).toBe('Locale: is required and was empty');
		expect(missing.allRequests).toHaveLength(0);
	});

	test('Get Web Links: a locale that is no language-country code fails before sending', async () => {
		const run = await runBusinessUnit(emulator, 'getWebLinks', {
			businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
			locale: 'danish',
		});
		expect(errorOf(run)?.message).toBe('Locale: "danish" is not a locale');
		expect(run.allRequests).toHaveLength(0);
	});
});
