import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../helpers/descriptions';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import {
	accessField,
	readServiceReviewId,
	isPrivate,
	serviceReviewIdField,
	shapeReviews,
} from './fields';

const description: INodeProperties[] = [serviceReviewIdField, accessField, simplifyToggle];

export const get: TrustpilotOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action:
			'Get one service review by its id (24 hex characters). Returns id, stars, title, text, language, createdAt, updatedAt, consumerName, replyText (null if unanswered), replyDate, link; with Source Private also consumerEmail, referenceId and tags. Read-only: changes nothing',
		description: 'Get one review by its ID (public, or private with consumer email and tags)',
	},
	description,
	access(this: IExecuteFunctions, itemIndex: number) {
		return isPrivate(this, itemIndex) ? 'private' : 'public';
	},
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const privateReview = isPrivate(this, itemIndex);
		const review = await trustpilotJson(this, {
			method: 'GET',
			path: privateReview ? `/private/reviews/${reviewId}` : `/reviews/${reviewId}`,
			access: privateReview ? 'private' : 'public',
			itemIndex,
		});
		return shapeReviews(this, itemIndex, [review]);
	},
};
