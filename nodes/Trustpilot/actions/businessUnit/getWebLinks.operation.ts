import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import { businessUnitLocator, requiredLocaleField } from '../../helpers/descriptions';
import { requireTextParameter } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';

const description: INodeProperties[] = [
	businessUnitLocator,
	requiredLocaleField('Language and country of the pages the links point to, e.g. en-US or da-DK'),
];

export const getWebLinks: TrustpilotOperation = {
	option: {
		name: 'Get Web Links',
		value: 'getWebLinks',
		action: 'Get the web links of a business unit',
		description: 'Get the URLs of the company profile and review pages on Trustpilot (public)',
	},
	description,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const locale = requireTextParameter(this, itemIndex, 'locale', 'Locale');
		const id = await readBusinessUnitId(this, itemIndex);
		return await trustpilotJson(this, {
			method: 'GET',
			path: `/business-units/${id}/web-links`,
			qs: { locale },
			itemIndex,
		});
	},
};
