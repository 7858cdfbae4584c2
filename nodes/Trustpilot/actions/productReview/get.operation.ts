import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyProductReview } from '../../../shared/simplifyProductReview';
import { readSimplify } from '../../helpers/businessUnit';
import { readLocale } from '../../../shared/validate';
import type { TrustpilotOperation } from '../types';
import { getPrivateProductReview, readProductReviewId } from './fields';
import { getDescription } from './get.description';

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action:
			'Get one product review by its id, with stars, content, state, consumer, product and conversation (needs a business login). Read-only: changes nothing',
		description: 'Get one product review with consumer details, state and conversation (private)',
	},
	description: getDescription,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readProductReviewId(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const locale = readLocale(this, itemIndex, 'Options → Locale', options.locale);
		const simplify = readSimplify(this, itemIndex);
		const review = await getPrivateProductReview(
			this,
			itemIndex,
			reviewId,
			locale ? { locale } : undefined,
		);
		if (!simplify) return review;
		return simplifyProductReview(review, { isPrivate: true });
	},
};
