import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
	INodePropertyOptions,
} from 'n8n-workflow';

import { assertAccess, getTrustpilotCredentials, trustpilotJson } from '../transport';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** The business unit chosen in the node, resolving a domain with Find; undefined until one is set. */
async function currentBusinessUnitId(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
	const locator = ctx.getCurrentNodeParameter('businessUnit') as INodeParameterResourceLocator | string | undefined;
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const value = String((typeof locator === 'object' && locator !== null ? locator.value : locator) ?? '').trim();
	if (value === '') return undefined;
	if (mode !== 'domain') return OBJECT_ID.test(value) ? value : undefined;
	const found = await trustpilotJson(ctx, { method: 'GET', path: '/business-units/find', qs: { name: value } });
	return found.id ? String(found.id) : undefined;
}

/** Invitation templates of the chosen business unit, default first; "" keeps Trustpilot's default. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	// Refuse before the "By Domain" lookup: templates need an access token.
	assertAccess(this, { access: 'private' }, await getTrustpilotCredentials(this));
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
			description: [template.type, template.isDefaultTemplate ? 'default template' : undefined].filter(Boolean).join(', '),
		}));
	return [{ name: 'Default Template of the Business Unit', value: '' }, ...options];
}
