import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalLocaleField } from '../../helpers/descriptions';
import { fieldError, readLocale, requireTextParameter } from '../../../shared/validate';

const COUNTRY = /^[A-Za-z]{2}$/;

export const countryField: INodeProperties = {
	displayName: 'Country',
	name: 'country',
	type: 'string',
	default: '',
	placeholder: 'e.g. US',
	description: 'Two-letter country code (ISO 3166-1 alpha-2)',
};

export const localeField = optionalLocaleField(
	'Language of the category names, e.g. en-US or da-DK',
);

/** The "Options" collection with country and locale, as the category endpoints take them. */
export function countryLocaleOptions(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [countryField, localeField, ...extra].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** Checks the shape of country and locale values so a typo fails here, not as a vague 400. */
export function countryLocaleQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject {
	const qs: IDataObject = {};
	const country = String(options.country ?? '').trim();
	if (country) {
		if (!COUNTRY.test(country)) {
			fieldError(
				ctx,
				itemIndex,
				'Country',
				`"${country.slice(0, 20)}" is not a two-letter country code`,
				'Use an ISO 3166-1 alpha-2 code such as US, GB or DK.',
			);
		}
		qs.country = country.toUpperCase();
	}
	const locale = readLocale(ctx, itemIndex, 'Locale', options.locale);
	if (locale) qs.locale = locale;
	return qs;
}

export const categoryIdField: INodeProperties = {
	displayName: 'Category ID',
	name: 'categoryId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. clothing_store',
	description: 'The ID of the category, as returned by "Get Many" (e.g. clothing_store)',
};

export function readCategoryId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = requireTextParameter(ctx, itemIndex, 'categoryId', 'Category ID');
	if (!/^[A-Za-z0-9_-]+$/.test(id)) {
		fieldError(
			ctx,
			itemIndex,
			'Category ID',
			`"${id.slice(0, 40)}" is not a category ID`,
			'Category IDs look like clothing_store; use "Get Many" to list them.',
		);
	}
	return id;
}
