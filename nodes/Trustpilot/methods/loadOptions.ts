import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { findBusinessUnitByDomain, readBusinessUnitReference } from '../../shared/businessUnit';
import { isTrustpilotId } from '../../shared/validate';
import { requireAccess, getTrustpilotCredentials, trustpilotJson } from '../transport';

/** The business unit chosen in the node, resolving a domain with Find; undefined until one is set. */
async function currentBusinessUnitId(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
	const { mode, value } = readBusinessUnitReference(ctx.getCurrentNodeParameter('businessUnit'));
	if (value === '') return undefined;
	if (mode !== 'domain') return isTrustpilotId(value) ? value.toLowerCase() : undefined;
	return await findBusinessUnitByDomain(ctx, value);
}

/** Invitation templates of the chosen business unit, default first; "" keeps Trustpilot's default. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	// Refuse before the "By Domain" lookup: templates need an access token.
	requireAccess(this, { access: 'private' }, await getTrustpilotCredentials(this));
	const businessUnitId = await currentBusinessUnitId(this);
	if (!businessUnitId) return [];
	const response = await trustpilotJson(this, {
		method: 'GET',
		host: 'invitations',
		path: `/private/business-units/${businessUnitId}/templates`,
		access: 'private',
	});
	const templates = Array.isArray(response.templates) ? (response.templates as IDataObject[]) : [];
	const options = templates
		.slice()
		.sort((a, b) => Number(b.isDefaultTemplate === true) - Number(a.isDefaultTemplate === true))
		.map((template) => ({
			name: `${String(template.name ?? template.id)}${template.locale ? ` (${String(template.locale)})` : ''}`,
			value: String(template.id),
			description: [template.type, template.isDefaultTemplate ? 'default template' : undefined]
				.filter(Boolean)
				.join(', '),
		}));
	return [{ name: 'Default Template of the Business Unit', value: '' }, ...options];
}
