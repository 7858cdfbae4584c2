import type { INodeProperties } from 'n8n-workflow';

import { consumerIdField } from './fields';

export const getProfileDescription: INodeProperties[] = [consumerIdField];
