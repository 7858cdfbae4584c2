import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { addTags } from './addTags.operation';
import { deleteReply } from './deleteReply.operation';
import { findReviewer } from './findReviewer.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getLatest } from './getLatest.operation';
import { getLikes } from './getLikes.operation';
import { getTags } from './getTags.operation';
import { getWebLinks } from './getWebLinks.operation';
import { removeTag } from './removeTag.operation';
import { reply } from './reply.operation';
import { setTags } from './setTags.operation';

export const serviceReview: TrustpilotResource = {
	option: {
		name: 'Service Review',
		value: 'serviceReview',
		description: 'Reviews of a company (service reviews)',
	},
	operations: {
		addTags,
		deleteReply,
		findReviewer,
		get,
		getAll,
		getLatest,
		getLikes,
		getTags,
		getWebLinks,
		removeTag,
		reply,
		setTags,
	},
};

export const serviceReviewProperties = resourceProperties(serviceReview, 'getAll');
