// Categories API (public): a small two-level tree and business-unit memberships.
import { notFound } from '../lib/errors.mjs';
import { pageLinks, parsePaging, single, slicePage } from '../lib/pagination.mjs';
import { publicBusinessUnit } from '../lib/shapes.mjs';
import { countryList, ok, optionalLocale } from './shared.mjs';

const route = (path, handler) => ({
	host: 'api',
	method: 'GET',
	path: `/v1/categories${path}`,
	auth: 'apikey',
	handler,
});
const brief = (category) => ({
	categoryId: category.categoryId,
	displayName: category.displayName,
	name: category.name,
});

function findCategory(ctx) {
	const category = ctx.state.categories.find(
		(candidate) => candidate.categoryId === ctx.params.categoryId,
	);
	if (!category) throw notFound(`Category ${ctx.params.categoryId} not found`);
	return category;
}

/** Business units in a category (a top-level category includes its sub-categories). */
function membersOf(ctx, category, countries) {
	const ids = new Set([
		category.categoryId,
		...ctx.state.categories
			.filter((c) => c.parentId === category.categoryId)
			.map((c) => c.categoryId),
	]);
	return ctx.state.businessUnitList.filter(
		(bu) =>
			bu.categoryIds.some((id) => ids.has(id)) &&
			(!countries.length || countries.includes(bu.country)),
	);
}

function listCategories(ctx) {
	countryList(ctx);
	optionalLocale(ctx);
	const parentId = single(ctx.query, 'parentId') || null;
	if (parentId && !ctx.state.categories.some((category) => category.categoryId === parentId))
		throw notFound(`Category ${parentId} not found`);
	return ok({
		categories: ctx.state.categories
			.filter((category) => category.parentId === parentId)
			.map(brief),
	});
}

function getCategory(ctx) {
	const category = findCategory(ctx);
	const countries = countryList(ctx);
	optionalLocale(ctx);
	return ok({
		...brief(category),
		parentId: category.parentId,
		businessUnitCount: membersOf(ctx, category, countries).length,
	});
}

function businessUnits(ctx) {
	const category = findCategory(ctx);
	const countries = countryList(ctx);
	optionalLocale(ctx);
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 1000 });
	const members = membersOf(ctx, category, countries);
	return ok({
		links: pageLinks(ctx, paging, members.length),
		businessUnits: slicePage(members, paging).map((bu) =>
			publicBusinessUnit(ctx.state, bu, ctx.origin),
		),
	});
}

export const categoryRoutes = [
	route('', listCategories),
	route('/{categoryId}', getCategory),
	route('/{categoryId}/business-units', businessUnits),
];
