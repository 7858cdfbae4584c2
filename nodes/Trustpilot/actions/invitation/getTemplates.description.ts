import type { INodeProperties } from 'n8n-workflow';

import { privateBusinessUnitLocator } from '../../helpers/descriptions';

export const getTemplatesDescription: INodeProperties[] = [privateBusinessUnitLocator];
