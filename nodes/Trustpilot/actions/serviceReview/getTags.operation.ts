import type { IExecuteFunctions } from 'n8n-workflow';

import { formatTags } from '../../../shared/simplify';
import { trustpilotJson } from '../../transport';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { readServiceReviewId } from './fields';
import { getTagsDescription } from './getTags.description';

const endpoint = ENDPOINTS.reviewTags;

export const getTags: TrustpilotOperation = {
	option: {
		name: 'Get Tags',
		value: 'getTags',
		action:
			"Get the tags of a service review by review id: tags (list of group and value) and tagList ('group:value, ...'). Tags are private labels, never shown to consumers. Read-only: changes nothing",
		description: 'List the tags (group and value) of a review',
	},
	description: getTagsDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reviewId = readServiceReviewId(this, itemIndex);
		const response = await trustpilotJson(
			this,
			singlePageRequest(endpoint, { parameters: { reviewId }, itemIndex }),
		);
		const tags = listItems(endpoint, response);
		return { reviewId, tags, tagList: formatTags(tags) };
	},
};
