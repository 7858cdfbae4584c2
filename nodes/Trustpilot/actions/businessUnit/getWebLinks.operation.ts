import type { IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { requireLocale } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { getWebLinksDescription } from './getWebLinks.description';

export const getWebLinks: TrustpilotOperation = {
	option: {
		name: 'Get Web Links',
		value: 'getWebLinks',
		action: 'Get the web links of a business unit',
		description: 'Get the URLs of the company profile and review pages on Trustpilot (public)',
	},
	description: getWebLinksDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const locale = requireLocale(
			this,
			itemIndex,
			'Locale',
			this.getNodeParameter('locale', itemIndex),
		);
		const id = await readBusinessUnitId(this, itemIndex);
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/business-units/${id}/web-links`,
			qs: { locale },
			itemIndex,
		});
	},
};
