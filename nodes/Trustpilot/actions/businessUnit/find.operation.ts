import type { IExecuteFunctions } from 'n8n-workflow';

import { requireTextParameter } from '../../../shared/validate';
import { trustpilotJson } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { findDescription } from './find.description';

export const find: TrustpilotOperation = {
	option: {
		name: 'Find',
		value: 'find',
		action:
			'Find a company (business unit) by its domain or name, e.g. example.com. Returns one object with id (24 hex characters: the business unit id other tools take), displayName and name. Error if no company matches. Read-only: changes nothing',
		description: 'Look up a company by its domain or name (public)',
	},
	description: findDescription,
	access: 'public',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const name = requireTextParameter(this, itemIndex, 'name', 'Name or Domain');
		return await trustpilotJson(this, {
			method: 'GET',
			path: '/business-units/find',
			qs: { name },
			itemIndex,
		});
	},
};
