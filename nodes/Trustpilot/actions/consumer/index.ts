import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { get } from './get.operation';
import { getProfile } from './getProfile.operation';
import { getReviews } from './getReviews.operation';

export const consumer: TrustpilotResource = {
	option: { name: 'Consumer', value: 'consumer', description: 'Trustpilot reviewers' },
	operations: { get, getProfile, getReviews },
};

export const consumerProperties = resourceProperties(consumer, 'get');
