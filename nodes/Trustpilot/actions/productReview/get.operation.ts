import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PRIVATE_HINT, optionalLocaleField } from '../../helpers/descriptions';
import { simplifyProductReview } from '../../../shared/simplifyProductReview';
import type { TrustpilotOperation } from '../types';
import {
	getPrivateProductReview,
	productReviewSimplifyToggle,
	readProductReviewId,
	productReviewIdField,
} from './fields';

const description: INodeProperties[] = [
	{ ...productReviewIdField, hint: PRIVATE_HINT },
	productReviewSimplifyToggle,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [optionalLocaleField('Locale for translated texts such as attribute names')],
	},
];

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action:
			'Get one product review by its id, with stars, content, state, consumer, product and conversation (needs a business login). Read-only: changes nothing',
		description: 'Get one product review with consumer details, state and conversation (private)',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readProductReviewId(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const locale = String(options.locale ?? '').trim();
		const review = await getPrivateProductReview(
			this,
			itemIndex,
			reviewId,
			locale ? { locale } : undefined,
		);
		if (!this.getNodeParameter('simplify', itemIndex, true)) return review;
		return simplifyProductReview(review, { isPrivate: true });
	},
};
