import type { INodeProperties } from 'n8n-workflow';

import { serviceReviewIdField } from './fields';

export const getLikesDescription: INodeProperties[] = [serviceReviewIdField];
