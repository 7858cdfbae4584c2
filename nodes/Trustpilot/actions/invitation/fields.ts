import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { businessUnitLocator, requiredLocaleField } from '../../helpers/descriptions';
import { parseJsonText } from '../../../shared/json';
import {
	fieldError,
	readOption,
	readText,
	requireHttpUrl,
	requireId,
	requireText,
} from '../../../shared/validate';

export const BUSINESS_USER_HINT =
	'Needs Client Credentials (with a Business User ID: a user with the Admin or Manager role) or Business User Login in the Trustpilot credential';

export const businessUserBusinessUnit: INodeProperties = {
	...businessUnitLocator,
	hint: BUSINESS_USER_HINT,
};

export function templateField(name: string, noun: string): INodeProperties {
	return {
		displayName: `${noun} Template Name or ID`,
		name,
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getTemplates',
			loadOptionsDependsOn: ['businessUnit.value'],
		},
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Empty: the default template of the business unit',
	};
}

export function redirectUriField(noun: string): INodeProperties {
	return {
		displayName: 'Redirect URI',
		name: 'redirectUri',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://www.example.com/thank-you',
		description: `Where the customer lands after writing the ${noun}`,
	};
}

export const invitationTagsField: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	placeholder: 'e.g. newsletter,order-2024',
	description: 'Tags added to the resulting review, separated by commas (no spaces inside a tag)',
};

export const locationIdField: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	description: 'The location the review is about, for companies with several locations',
};

/**
 * How products are given: rows typed in the node, or a JSON array mapped from an order
 * (any number of line items). `withSkus` adds "SKUs only", which needs an uploaded catalogue.
 */
export function productFields(withSkus: boolean): INodeProperties[] {
	const inputOptions = [
		{ name: 'Product Rows', value: 'details', description: "Type in each product's details" },
		{
			name: 'Products (JSON)',
			value: 'json',
			description: "An array of products, e.g. mapped from an order's line items",
		},
	];
	if (withSkus) {
		inputOptions.push({
			name: 'SKUs Only',
			value: 'skus',
			description: 'SKUs of products in your Trustpilot product catalogue',
		});
	}
	const fields: INodeProperties[] = [
		{
			displayName: 'Products From',
			name: 'productInput',
			type: 'options',
			default: 'details',
			options: inputOptions,
			description: 'How the products the customer bought are given',
		},
		{
			displayName: 'Products',
			name: 'products',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Product',
			default: {},
			displayOptions: { show: { productInput: ['details'] } },
			options: [
				{
					displayName: 'Product',
					name: 'product',
					values: [
						{
							displayName: 'Brand',
							name: 'brand',
							type: 'string',
							default: '',
							placeholder: 'e.g. Acme',
							description: 'Brand name shown with the product on the review form',
						},
						{
							displayName: 'GTIN',
							name: 'gtin',
							type: 'string',
							default: '',
							description: 'Global Trade Item Number (EAN/UPC)',
						},
						{
							displayName: 'Image URL',
							name: 'imageUrl',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://www.example.com/images/tee.jpg',
							description: 'Public HTTPS URL of a product image shown on the review form',
						},
						{
							displayName: 'MPN',
							name: 'mpn',
							type: 'string',
							default: '',
							description: 'Manufacturer Part Number',
						},
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							required: true,
							placeholder: 'e.g. Organic Cotton T-Shirt',
							description: 'Product name the customer sees on the review form',
						},
						{
							displayName: 'Product URL',
							name: 'productUrl',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://www.example.com/products/tee',
							description: 'The product page in your shop',
						},
						{
							displayName: 'SKU',
							name: 'sku',
							type: 'string',
							default: '',
							required: true,
							placeholder: 'e.g. TEE-ORG-M',
							description: 'Your stock keeping unit; reviews are stored per SKU',
						},
					],
				},
			],
		},
		{
			displayName: 'Products (JSON)',
			name: 'productsJson',
			type: 'json',
			default: '[]',
			displayOptions: { show: { productInput: ['json'] } },
			description:
				'Array of products with sku and name (required) and productUrl, imageUrl, gtin, mpn, brand (optional)',
			hint: 'e.g. [{"sku": "TEE-1", "name": "T-Shirt", "productUrl": "https://www.example.com/p/tee"}]',
		},
	];
	if (withSkus) {
		fields.push({
			displayName: 'Product SKUs',
			name: 'productSkus',
			type: 'string',
			default: '',
			placeholder: 'e.g. TEE-1,MUG-2',
			displayOptions: { show: { productInput: ['skus'] } },
			description: 'SKUs separated by commas',
			hint: 'The products must already be in your Trustpilot product catalogue',
		});
	}
	return fields;
}

/** Products From, one of its choices: "JSON" from an expression reads the JSON, not the rows. */
export function readProductInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	withSkus: boolean,
): 'details' | 'json' | 'skus' {
	const choices = withSkus
		? (['details', 'json', 'skus'] as const)
		: (['details', 'json'] as const);
	const input = ctx.getNodeParameter('productInput', itemIndex, 'details');
	return readOption(ctx, itemIndex, 'Products From', input, choices, 'details');
}

/** The customer a review link is for (both link operations). */
export const customerFields: INodeProperties[] = [
	{
		displayName: 'Customer Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		required: true,
		description: 'Email address of the customer the link is for',
	},
	{
		displayName: 'Customer Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Ana Núñez',
		description: 'Name of the customer, shown on the review form',
	},
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ORDER-12345',
		description: 'Your order or customer number; it comes back on the review',
	},
	requiredLocaleField('Language and country of the review page, e.g. en-US or da-DK'),
];

/** An optional template: empty means "the business unit's default template". */
export function readTemplateId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string | undefined {
	const id = readText(ctx, itemIndex, field, value);
	return id ? requireId(ctx, itemIndex, field, id) : undefined;
}

/** The Invitations API's documented date-time format: `MM/dd/yyyy HH:mm:ss`, UTC. */
export function toInvitationDateTime(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return (
		`${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ` +
		`${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
	);
}

const PRODUCT_KEYS = [
	'sku',
	'name',
	'productUrl',
	'imageUrl',
	'gtin',
	'mpn',
	'brand',
	'productCategoryGoogleId',
];

function readProductsJson(ctx: IExecuteFunctions, itemIndex: number, value: unknown): unknown[] {
	let parsed = value;
	if (typeof value === 'string') {
		const json = parseJsonText(value);
		if (!json.ok) {
			fieldError(
				ctx,
				itemIndex,
				'Products (JSON)',
				'is not valid JSON',
				'Give an array of products, e.g. [{"sku": "TEE-1", "name": "T-Shirt"}].',
			);
		}
		parsed = json.value;
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) parsed = [parsed];
	if (!Array.isArray(parsed)) {
		fieldError(
			ctx,
			itemIndex,
			'Products (JSON)',
			'must be an array of products',
			'Give an array of products, e.g. [{"sku": "TEE-1", "name": "T-Shirt"}].',
		);
	}
	return parsed;
}

/**
 * The products of an invitation, from the "Products" rows or a JSON array (e.g. an order's line
 * items). Each needs a SKU and a name; URLs must be web addresses; other keys are not sent.
 */
export function readProducts(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: string,
): IDataObject[] {
	const raw =
		input === 'json'
			? readProductsJson(ctx, itemIndex, ctx.getNodeParameter('productsJson', itemIndex, '[]'))
			: (((ctx.getNodeParameter('products', itemIndex, {}) as IDataObject).product as
					| IDataObject[]
					| undefined) ?? []);
	const field = input === 'json' ? 'Products (JSON)' : 'Products';
	if (raw.length === 0)
		fieldError(
			ctx,
			itemIndex,
			field,
			'at least one product is required',
			'Add the products the customer bought.',
		);
	return raw.map((entry, index) => {
		const label = `${field} #${index + 1}`;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			fieldError(
				ctx,
				itemIndex,
				label,
				'must be an object with sku and name',
				'e.g. {"sku": "TEE-1", "name": "T-Shirt"}.',
			);
		}
		const source = entry as IDataObject;
		const product: IDataObject = {};
		for (const key of PRODUCT_KEYS) {
			const value = readText(ctx, itemIndex, `${label} ${key}`, source[key]);
			if (value !== '') product[key] = value;
		}
		requireText(ctx, itemIndex, `${label} SKU`, product.sku);
		requireText(ctx, itemIndex, `${label} Name`, product.name);
		if (product.productUrl)
			requireHttpUrl(ctx, itemIndex, `${label} Product URL`, product.productUrl);
		if (product.imageUrl) requireHttpUrl(ctx, itemIndex, `${label} Image URL`, product.imageUrl);
		return product;
	});
}
