// Categories API (public): a small two-level tree and business-unit memberships.
import { badRequest, notFound } from '../lib/errors.mjs';
import { parsePaging, single, slicePage } from '../lib/pagination.mjs';
import { businessUnitStats } from '../lib/shapes.mjs';
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
	// Documented as required (developers.trustpilot.com/categories-api).
	if (!countries.length) throw badRequest('country', 'is required');
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
	const paging = parsePaging(ctx.query, { defaultPerPage: 20, maxPerPage: 100, minPerPage: 0 });
	const members = membersOf(ctx, category, countries);
	// Documented shape: a total and flat rows keyed by businessUnitId, no links (rank is obsolete).
	return ok({
		totalNumberOfBusinesses: members.length,
		businessUnits:
			paging.perPage === 0
				? []
				: slicePage(members, paging).map((bu, index) =>
						memberShape(ctx, bu, (paging.page - 1) * paging.perPage + index + 1),
					),
	});
}

function memberShape(ctx, bu, rank) {
	const stats = businessUnitStats(ctx.state, bu);
	return {
		businessUnitId: bu.id,
		displayName: bu.displayName,
		identifyingName: bu.identifyingName,
		trustScore: stats.score.trustScore,
		numberOfReviews: stats.numberOfReviews.total,
		rank,
		location: { city: null, zipCode: null, address: null },
		logoUrl: null,
		categories: bu.categoryIds
			.map((id) => ctx.state.categories.find((c) => c.categoryId === id))
			.filter(Boolean)
			.map(brief),
	};
}

export const categoryRoutes = [
	route('', listCategories),
	route('/{categoryId}', getCategory),
	route('/{categoryId}/business-units', businessUnits),
];
