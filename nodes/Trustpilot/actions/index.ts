import type { INodeProperties } from 'n8n-workflow';

import { businessUnit, businessUnitProperties } from './businessUnit';
import { category, categoryProperties } from './category';
import { consumer, consumerProperties } from './consumer';
import { invitation, invitationProperties } from './invitation';
import { product, productProperties } from './product';
import { productReview, productReviewProperties } from './productReview';
import { serviceReview, serviceReviewProperties } from './serviceReview';
import type { TrustpilotResource } from './types';

/** Every resource of the Trustpilot node, in dropdown order. */
export const resources: Record<string, TrustpilotResource> = {
	businessUnit,
	category,
	consumer,
	invitation,
	product,
	productReview,
	serviceReview,
};

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: Object.values(resources).map((resource) => resource.option),
	default: 'serviceReview',
};

export const resourceProperties: INodeProperties[] = [
	...businessUnitProperties,
	...categoryProperties,
	...consumerProperties,
	...invitationProperties,
	...productProperties,
	...productReviewProperties,
	...serviceReviewProperties,
];
