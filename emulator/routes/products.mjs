// Private Products API: the product catalogue of a business unit (upsert by SKU).
import { requireOwnBusinessUnit } from '../lib/auth.mjs';
import { badRequest } from '../lib/errors.mjs';
import { list, parsePaging, single, slicePage } from '../lib/pagination.mjs';
import { makeProduct } from '../lib/seed/catalog.mjs';
import { ok, optionalLocale } from './shared.mjs';

const PATH = '/v1/private/business-units/{businessUnitId}/products';
const STRING_FIELDS = [
	'googleMerchantCenterProductId',
	'title',
	'link',
	'imageLink',
	'price',
	'currency',
	'gtin',
	'mpn',
	'brand',
	'description',
	'productCategoryGoogleId',
	'groupId',
];

function getProducts(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const paging = parsePaging(ctx.query, { defaultPerPage: 10000, maxPerPage: 10000 });
	const skus = list(ctx.query, 'skus');
	const groupId = single(ctx.query, 'groupId');
	optionalLocale(ctx);
	const items = [...bu.products.values()].filter(
		(product) =>
			(!skus.length || skus.includes(product.sku)) && (!groupId || product.groupId === groupId),
	);
	const pageItems = slicePage(items, paging);
	return ok({
		products: pageItems.map((product) => ({ ...product })),
		isLastPage: paging.page * paging.perPage >= items.length,
	});
}

function upsertProducts(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const body = ctx.body;
	if (
		typeof body !== 'object' ||
		body === null ||
		!Array.isArray(body.products) ||
		!body.products.length
	) {
		throw badRequest('products', 'must be a non-empty array');
	}
	const skuFromMerchantId = body.skuSameAsGoogleMerchantCenterProductId === true;
	const validated = body.products.map((product, index) => {
		const field = `products[${index}]`;
		if (typeof product !== 'object' || product === null)
			throw badRequest(field, 'must be an object');
		const sku = skuFromMerchantId ? product.googleMerchantCenterProductId : product.sku;
		if (typeof sku !== 'string' || sku.trim() === '')
			throw badRequest(`${field}.sku`, 'is required');
		for (const key of STRING_FIELDS) {
			if (product[key] !== undefined && product[key] !== null && typeof product[key] !== 'string') {
				throw badRequest(`${field}.${key}`, 'must be a string');
			}
		}
		return { ...product, sku };
	});
	const saved = validated.map((product) => {
		const existing = bu.products.get(product.sku);
		const merged = makeProduct(ctx.state.rng, bu, {
			...(existing ?? {}),
			...product,
			id: existing?.id,
		});
		bu.products.set(product.sku, merged);
		return { ...merged };
	});
	return ok({ products: saved });
}

export const productRoutes = [
	{ host: 'api', method: 'GET', path: PATH, auth: 'private', handler: getProducts },
	{
		host: 'api',
		method: 'POST',
		path: PATH,
		auth: 'private',
		handler: upsertProducts,
		body: 'json',
	},
];
