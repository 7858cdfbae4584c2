import type { INodeProperties } from 'n8n-workflow';

import { privateBusinessUnitLocator, additionalFieldsCollection } from '../../helpers/descriptions';
import { customerFields, locationIdField, redirectUriField, invitationTagsField } from './fields';

export const generateServiceReviewLinkDescription: INodeProperties[] = [
	privateBusinessUnitLocator,
	...customerFields,
	additionalFieldsCollection([locationIdField, redirectUriField('review'), invitationTagsField]),
];
