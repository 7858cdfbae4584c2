import type { INodeProperties } from 'n8n-workflow';

import { businessUnit, businessUnitProperties } from './businessUnit';
import type { TrustpilotResource } from './types';

/** Every resource of the Trustpilot node. Add a resource here and in `resourceSelector` order. */
export const resources: Record<string, TrustpilotResource> = {
	businessUnit,
};

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: Object.values(resources).map((resource) => resource.option),
	default: 'businessUnit',
};

export const resourceProperties: INodeProperties[] = [...businessUnitProperties];
