import type { INodeProperties } from 'n8n-workflow';

import { businessUnitLocator } from '../../helpers/descriptions';

export const getProfileInfoDescription: INodeProperties[] = [businessUnitLocator];
