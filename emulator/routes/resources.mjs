// Resources API (public): cheap metadata endpoints, handy for credential tests.
import { badRequest } from '../lib/errors.mjs';
import { ok, optionalLocale } from './shared.mjs';

const route = (path, handler) => ({
	host: 'api',
	method: 'GET',
	path: `/v1/resources${path}`,
	auth: 'apikey',
	handler,
});

const LOCALES = [
	['da-DK', 'Danish (Denmark)'],
	['de-AT', 'German (Austria)'],
	['de-CH', 'German (Switzerland)'],
	['de-DE', 'German (Germany)'],
	['en-AU', 'English (Australia)'],
	['en-CA', 'English (Canada)'],
	['en-GB', 'English (United Kingdom)'],
	['en-IE', 'English (Ireland)'],
	['en-NZ', 'English (New Zealand)'],
	['en-US', 'English (United States)'],
	['es-ES', 'Spanish (Spain)'],
	['fi-FI', 'Finnish (Finland)'],
	['fr-BE', 'French (Belgium)'],
	['fr-FR', 'French (France)'],
	['it-IT', 'Italian (Italy)'],
	['ja-JP', 'Japanese (Japan)'],
	['nb-NO', 'Norwegian Bokmål (Norway)'],
	['nl-BE', 'Dutch (Belgium)'],
	['nl-NL', 'Dutch (Netherlands)'],
	['pl-PL', 'Polish (Poland)'],
	['pt-BR', 'Portuguese (Brazil)'],
	['pt-PT', 'Portuguese (Portugal)'],
	['sv-SE', 'Swedish (Sweden)'],
];

const COUNTRIES = [
	['AT', 'Austria'],
	['AU', 'Australia'],
	['BE', 'Belgium'],
	['BR', 'Brazil'],
	['CA', 'Canada'],
	['CH', 'Switzerland'],
	['DE', 'Germany'],
	['DK', 'Denmark'],
	['ES', 'Spain'],
	['FI', 'Finland'],
	['FR', 'France'],
	['GB', 'United Kingdom'],
	['IE', 'Ireland'],
	['IT', 'Italy'],
	['JP', 'Japan'],
	['NL', 'Netherlands'],
	['NO', 'Norway'],
	['NZ', 'New Zealand'],
	['PL', 'Poland'],
	['PT', 'Portugal'],
	['SE', 'Sweden'],
	['US', 'United States'],
];

/** Documented locale entry (Resources API page); native names are left as the English name here. */
function localeShape(code, name) {
	const [language, region] = code.split('-');
	return {
		locale: code,
		language,
		region,
		countryId: region,
		nativeName: name,
		translatedName: name,
		tld: region === 'US' ? 'com' : region === 'GB' ? 'co.uk' : region.toLowerCase(),
	};
}

const STAR_STRINGS = ['Not rated', 'Bad', 'Poor', 'Average', 'Great', 'Excellent'];

export const resourceRoutes = [
	route('/metadata/locales', (ctx) => {
		optionalLocale(ctx, 'translationLocale');
		return ok({
			locales: LOCALES.map(([code, name]) => localeShape(code, name)),
			// The Resources API page shows defaultLocale as a full locale entry, not a code.
			defaultLocale: localeShape('en-US', 'English (United States)'),
		});
	}),
	route('/metadata/countries', (ctx) => {
		optionalLocale(ctx);
		return ok({
			countries: COUNTRIES.map(([code, name]) => ({
				countryId: code,
				country: code,
				englishName: name,
				locale: 'en-US',
				translatedName: name,
			})),
		});
	}),
	route('/strings/stars/{stars}', (ctx) => {
		const stars = Number(ctx.params.stars);
		if (!Number.isInteger(stars) || stars < 0 || stars > 5)
			throw badRequest('stars', 'must be an integer between 0 and 5');
		optionalLocale(ctx);
		return ok({ stars, string: STAR_STRINGS[stars] });
	}),
];
