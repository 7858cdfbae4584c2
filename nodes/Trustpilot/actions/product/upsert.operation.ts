import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { privateBusinessUnitLocator, additionalFieldsCollection } from '../../helpers/descriptions';
import {
	fieldError,
	readText,
	requireHttpUrl,
	requireTextParameter,
} from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';

const description: INodeProperties[] = [
	privateBusinessUnitLocator,
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-BLK-M',
		description: 'Identifies the product: an existing SKU is updated, a new one is created',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Organic Cotton T-Shirt',
		description: 'The product name shown with its reviews',
	},
	additionalFieldsCollection([
		{
			displayName: 'Brand',
			name: 'brand',
			type: 'string',
			default: '',
			placeholder: 'e.g. Acme',
			description: 'Brand name of the product',
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'e.g. USD',
			description: 'ISO 4217 code of the price currency',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Product description as in your catalogue',
		},
		{
			displayName: 'Google Merchant Center Product ID',
			name: 'googleMerchantCenterProductId',
			type: 'string',
			default: '',
			placeholder: 'e.g. online:en:US:TEE-ORG-M',
			description: 'The product ID in Google Merchant Center, if it differs from the SKU',
		},
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			description:
				'Groups variants of one product (e.g. sizes) so their reviews are shown together',
		},
		{
			displayName: 'GTIN',
			name: 'gtin',
			type: 'string',
			default: '',
			description: 'Global Trade Item Number (EAN/UPC), 8–14 digits',
		},
		{
			displayName: 'Image URL',
			name: 'imageLink',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://www.example.com/images/t-shirt.jpg',
			description: 'Public HTTPS URL of the product image',
		},
		{
			displayName: 'MPN',
			name: 'mpn',
			type: 'string',
			default: '',
			description: 'Manufacturer Part Number',
		},
		{
			displayName: 'Price',
			name: 'price',
			type: 'string',
			default: '',
			placeholder: 'e.g. 24.95',
			description: 'Price with a dot as decimal separator; set Currency too',
		},
		{
			displayName: 'Product Category Google ID',
			name: 'productCategoryGoogleId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1604',
			description: 'The Google product taxonomy ID of the category',
		},
		{
			displayName: 'Product URL',
			name: 'link',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://www.example.com/products/t-shirt',
			description: 'The product page in your shop',
		},
		{
			displayName: 'SKU Is Google Merchant Center ID',
			name: 'skuSameAsGoogleMerchantCenterProductId',
			type: 'boolean',
			default: false,
			description: 'Whether the SKU is also the product ID in Google Merchant Center',
		},
		{
			displayName: 'Variation Attributes',
			name: 'variationAttributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			description: 'What sets this variant apart, e.g. size or colour',
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. size',
							description: 'Name of the attribute',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. M',
							description: 'Value of the attribute for this variant',
						},
					],
				},
			],
		},
	]),
];

const TEXT_FIELDS = [
	'brand',
	'description',
	'googleMerchantCenterProductId',
	'groupId',
	'mpn',
	'productCategoryGoogleId',
];

/** Turns the form into Trustpilot's product record, checking what Trustpilot would reject. */
function productOf(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const product: IDataObject = {
		sku: requireTextParameter(ctx, itemIndex, 'sku', 'SKU'),
		title: requireTextParameter(ctx, itemIndex, 'title', 'Title'),
	};
	for (const key of TEXT_FIELDS) {
		const value = readText(ctx, itemIndex, key, fields[key]);
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
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const product = productOf(this, itemIndex, fields);
		const body: IDataObject = { products: [product] };
		if (fields.skuSameAsGoogleMerchantCenterProductId === true)
			body.skuSameAsGoogleMerchantCenterProductId = true;
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
