import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { find } from './find.operation';
import { get } from './get.operation';

export const businessUnit: TrustpilotResource = {
	option: { name: 'Business Unit', value: 'businessUnit', description: 'Companies on Trustpilot' },
	operations: { find, get },
};

export const businessUnitProperties = resourceProperties(businessUnit, 'get');
