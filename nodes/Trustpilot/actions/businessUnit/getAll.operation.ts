import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { fetchList } from '../../helpers/list';
import type { TrustpilotOperation } from '../types';
import { getAllDescription } from './getAll.description';

const endpoint = ENDPOINTS.allBusinessUnits;

/** "us, gb" → "US,GB"; a wrong code fails before any request. */
function readCountries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
): string | undefined {
	const codes = String(raw ?? '')
		.split(',')
		.map((code) => code.trim())
		.filter((code) => code !== '');
	const bad = codes.find((code) => !/^[A-Za-z]{2}$/.test(code));
	if (bad !== undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Countries: "${bad.slice(0, 20)}" is not a two-letter country code`,
			{
				itemIndex,
				description: 'Use ISO 3166-1 alpha-2 codes separated by commas, e.g. US,GB,DK.',
			},
		);
	}
	return codes.length ? codes.map((code) => code.toUpperCase()).join(',') : undefined;
}

export const getAll: TrustpilotOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many business units',
		description:
			'List every company on Trustpilot, optionally by country (public), one item per company',
	},
	description: getAllDescription,
	access: endpoint.access,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const country = readCountries(this, itemIndex, filters.country);
		return await fetchList(this, itemIndex, endpoint, { qs: country ? { country } : {} });
	},
};
