import type { IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { trustpilotJson } from '../../transport';
import { ENDPOINTS, listItems, singlePageRequest } from '../../../shared/endpoints';
import type { TrustpilotOperation } from '../types';
import { getTemplatesDescription } from './getTemplates.description';

const endpoint = ENDPOINTS.invitationTemplates;

export const getTemplates: TrustpilotOperation = {
	option: {
		name: 'Get Templates',
		value: 'getTemplates',
		action: 'Get invitation templates',
		description: 'List the email templates available for invitations, one item per template',
	},
	description: getTemplatesDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const response = await trustpilotJson(
			this,
			singlePageRequest(endpoint, { parameters: { businessUnitId }, itemIndex }),
		);
		return listItems(endpoint, response);
	},
};
