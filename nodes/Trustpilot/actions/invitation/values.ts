import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseJsonText } from '../../../shared/json';
import {
	fieldError,
	readText,
	requireHttpUrl,
	requireId,
	requireText,
} from '../../../shared/validate';

/** An optional template: empty means "the business unit's default template". */
export function optionalTemplateId(
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

function parseJsonProducts(ctx: IExecuteFunctions, itemIndex: number, value: unknown): unknown[] {
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
			? parseJsonProducts(ctx, itemIndex, ctx.getNodeParameter('productsJson', itemIndex, '[]'))
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
