import type { INodeProperties } from 'n8n-workflow';

import { privateReviewIdField } from './fields';

export const deleteReplyDescription: INodeProperties[] = [privateReviewIdField];
