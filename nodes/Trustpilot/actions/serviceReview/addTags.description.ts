import type { INodeProperties } from 'n8n-workflow';

import { privateReviewIdField, reviewTagsField } from './fields';

export const addTagsDescription: INodeProperties[] = [privateReviewIdField, reviewTagsField(true)];
