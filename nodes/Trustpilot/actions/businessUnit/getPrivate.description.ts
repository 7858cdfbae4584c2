import type { INodeProperties } from 'n8n-workflow';

import { privateBusinessUnitLocator } from '../../helpers/descriptions';

export const getPrivateDescription: INodeProperties[] = [privateBusinessUnitLocator];
