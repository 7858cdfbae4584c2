import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { privateBusinessUnitLocator } from '../../helpers/descriptions';
import { trustpilotJson } from '../../transport';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';

const description: INodeProperties[] = [privateBusinessUnitLocator];

export const getTemplates: TrustpilotOperation = {
	option: {
		name: 'Get Templates',
		value: 'getTemplates',
		action: 'Get invitation templates',
		description: 'List the email templates available for invitations, one item per template',
	},
	description,
	access: 'private',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const endpoint = ENDPOINTS.invitationTemplates;
		const response = await trustpilotJson(
			this,
			singlePageRequest(endpoint, { parameters: { businessUnitId }, itemIndex }),
		);
		return listItems(endpoint, response);
	},
};
