import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readReviewOrder, starsQuery } from '../../helpers/reviewFilters';
import { simplifyServiceReview } from '../../../shared/simplify';
import { readBoolean, requireId } from '../../../shared/validate';
import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import { readSimplify } from '../../helpers/businessUnit';
import type { TrustpilotOperation } from '../types';
import { readConsumerId } from './fields';
import { getReviewsDescription } from './getReviews.description';

const endpoint = ENDPOINTS.consumerReviews;

function filterQuery(ctx: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (String(filters.businessUnitId ?? '').trim()) {
		qs.businessUnitId = requireId(ctx, itemIndex, 'Business Unit ID', filters.businessUnitId);
	}
	if (filters.includeReportedReviews !== undefined)
		qs.includeReportedReviews = readBoolean(
			ctx,
			itemIndex,
			'Include Reported Reviews',
			filters.includeReportedReviews,
			true,
		);
	const languages = String(filters.language ?? '')
		.split(',')
		.map((code) => code.trim().toLowerCase())
		.filter((code) => code !== '');
	const badLanguage = languages.find((code) => !/^[a-z]{2}(-[a-z]{2})?$/.test(code));
	if (badLanguage !== undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Languages: "${badLanguage.slice(0, 20)}" is not a language code`,
			{
				itemIndex,
				description: 'Use two-letter language codes separated by commas, e.g. en,da.',
			},
		);
	}
	if (languages.length) qs.language = languages.join(',');
	if (filters.orderBy) qs.orderBy = readReviewOrder(ctx, itemIndex, filters.orderBy);
	const stars = starsQuery(ctx, itemIndex, filters.stars);
	if (stars) qs.stars = stars;
	return qs;
}

export const getReviews: TrustpilotOperation = {
	option: {
		name: 'Get Reviews',
		value: 'getReviews',
		action: 'Get the reviews of a consumer',
		description: 'List the public reviews a consumer wrote, across companies, one item per review',
	},
	description: getReviewsDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readConsumerId(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const simplify = readSimplify(this, itemIndex);
		const reviews = await fetchList(this, itemIndex, endpoint, {
			parameters: { consumerId: id },
			qs: filterQuery(this, itemIndex, filters),
		});
		return simplify ? reviews.map((review) => simplifyServiceReview(review)) : reviews;
	},
};
