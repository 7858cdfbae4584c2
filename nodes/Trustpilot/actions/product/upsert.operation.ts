import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import {
	fieldError,
	readBoolean,
	readText,
	requireHttpUrl,
	requireTextParameter,
} from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { upsertDescription } from './upsert.description';

/** The plain text fields, with their names as the editor shows them (errors name those). */
const TEXT_FIELDS: Record<string, string> = {
	brand: 'Brand',
	description: 'Description',
	googleMerchantCenterProductId: 'Google Merchant Center Product ID',
	groupId: 'Group ID',
	mpn: 'MPN',
	productCategoryGoogleId: 'Product Category Google ID',
};

/** Turns the form into Trustpilot's product record, checking what Trustpilot would reject. */
function productOf(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const product: IDataObject = {
		sku: requireTextParameter(ctx, itemIndex, 'sku', 'SKU'),
		title: requireTextParameter(ctx, itemIndex, 'title', 'Title'),
	};
	for (const [key, label] of Object.entries(TEXT_FIELDS)) {
		const value = readText(ctx, itemIndex, label, fields[key]);
		if (value !== '') product[key] = value;
	}
	if (String(fields.link ?? '').trim())
		product.link = requireHttpUrl(ctx, itemIndex, 'Product URL', fields.link);
	if (String(fields.imageLink ?? '').trim())
		product.imageLink = requireHttpUrl(ctx, itemIndex, 'Image URL', fields.imageLink);
	const price = readText(ctx, itemIndex, 'Price', fields.price);
	if (price !== '') {
		if (!/^\d+(\.\d+)?$/.test(price))
			fieldError(
				ctx,
				itemIndex,
				'Price',
				`"${price.slice(0, 20)}" is not a price; use digits and a dot, e.g. 24.95`,
			);
		product.price = price;
	}
	const currency = readText(ctx, itemIndex, 'Currency', fields.currency).toUpperCase();
	if (currency !== '') {
		if (!/^[A-Z]{3}$/.test(currency))
			fieldError(
				ctx,
				itemIndex,
				'Currency',
				`"${currency.slice(0, 20)}" is not a three-letter currency code`,
			);
		product.currency = currency;
	}
	const gtin = readText(ctx, itemIndex, 'GTIN', fields.gtin);
	if (gtin !== '') {
		if (!/^\d{8,14}$/.test(gtin))
			fieldError(ctx, itemIndex, 'GTIN', `"${gtin.slice(0, 20)}" is not a GTIN (8 to 14 digits)`);
		product.gtin = gtin;
	}
	const attributes =
		((fields.variationAttributes as IDataObject | undefined)?.attribute as
			| IDataObject[]
			| undefined) ?? [];
	const variation: IDataObject = {};
	for (const { name, value } of attributes) {
		const key = readText(ctx, itemIndex, 'Variation Attributes → Name', name);
		if (key !== '')
			variation[key] = readText(ctx, itemIndex, `Variation Attributes → ${key}`, value);
	}
	if (Object.keys(variation).length) product.variationAttributes = variation;
	return product;
}

export const upsert: TrustpilotOperation = {
	option: {
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a product',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
	},
	description: upsertDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const product = productOf(this, itemIndex, fields);
		const body: IDataObject = { products: [product] };
		const skuIsGoogleId = readBoolean(
			this,
			itemIndex,
			'Additional Fields → SKU Is Google Merchant Center ID',
			fields.skuSameAsGoogleMerchantCenterProductId,
			false,
		);
		if (skuIsGoogleId) body.skuSameAsGoogleMerchantCenterProductId = true;
		// Every input is checked before the business unit is looked up: a bad value sends nothing.
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const response = await trustpilotJson(this, {
			method: 'POST',
			path: `/private/business-units/${businessUnitId}/products`,
			body,
			access: 'private',
			// Keyed by SKU: sending the same product twice leaves one product with the same data,
			// so a retry after a lost answer cannot duplicate anything.
			idempotent: true,
			itemIndex,
		});
		const returned = Array.isArray(response.products) ? (response.products as IDataObject[]) : [];
		const saved = returned.find((entry) => entry.sku === product.sku);
		if (saved) return saved;
		return { success: true, action: 'upserted', businessUnitId, ...product, ...response };
	},
};
