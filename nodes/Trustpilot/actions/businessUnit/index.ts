import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { find } from './find.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getCategories } from './getCategories.operation';
import { getPrivate } from './getPrivate.operation';
import { getProfileInfo } from './getProfileInfo.operation';
import { getWebLinks } from './getWebLinks.operation';
import { search } from './search.operation';

export const businessUnit: TrustpilotResource = {
	option: { name: 'Business Unit', value: 'businessUnit', description: 'Companies on Trustpilot' },
	operations: { find, get, getAll, getCategories, getPrivate, getProfileInfo, getWebLinks, search },
};

export const businessUnitProperties = resourceProperties(businessUnit, 'get');
