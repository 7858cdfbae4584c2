import type { IExecuteFunctions } from 'n8n-workflow';

import { readSimplify, readSource } from '../../helpers/businessUnit';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId, shapeReviews } from './fields';
import { getDescription } from './get.description';

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action:
			'Get one service review by its id (24 hex characters). Returns id, stars, title, text, language, createdAt, updatedAt, consumerName, replyText (null if unanswered), replyDate, link; with Source Private also consumerEmail, referenceId and tags. Read-only: changes nothing',
		description: 'Get one review by its ID (public, or private with consumer email and tags)',
	},
	description: getDescription,
	access(this: IExecuteFunctions, itemIndex: number) {
		return readSource(this, itemIndex);
	},
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const privateReview = readSource(this, itemIndex) === 'private';
		const simplify = readSimplify(this, itemIndex);
		const review = await trustpilotJson(this, {
			method: 'GET',
			path: privateReview ? `/private/reviews/${reviewId}` : `/reviews/${reviewId}`,
			access: privateReview ? 'private' : 'public',
			itemIndex,
		});
		return shapeReviews(simplify, [review]);
	},
};
