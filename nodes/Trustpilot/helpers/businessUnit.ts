import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type NodeApiError,
} from 'n8n-workflow';

import { trustpilotJson } from '../transport';
import { readNumber, requireId, requireText } from './validation';

const resolvedDomains = new WeakMap<object, Map<string, string>>();

/** Reads the business unit locator of an item; a domain is resolved once per execution. */
export async function getBusinessUnitId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'businessUnit',
): Promise<string> {
	const locator = ctx.getNodeParameter(parameterName, itemIndex) as
		| INodeParameterResourceLocator
		| string;
	const mode = typeof locator === 'string' ? 'id' : locator.mode;
	const value = typeof locator === 'string' ? locator : String(locator.value ?? '');
	if (mode !== 'domain') return requireId(ctx, itemIndex, 'Business Unit', value);

	const domain = requireText(ctx, itemIndex, 'Business Unit', value).toLowerCase();
	let cache = resolvedDomains.get(ctx);
	if (!cache) resolvedDomains.set(ctx, (cache = new Map()));
	const cached = cache.get(domain);
	if (cached) return cached;
	const found = (await trustpilotJson(ctx, {
		method: 'GET',
		path: '/business-units/find',
		qs: { name: domain },
		itemIndex,
	}).catch((error: NodeApiError) => {
		if (error.httpCode !== '404') throw error;
		throw new NodeOperationError(
			ctx.getNode(),
			`Business Unit: no company "${domain}" was found on Trustpilot`,
			{
				itemIndex,
				description:
					"Use the domain or name exactly as on the company's Trustpilot page, e.g. example.com.",
			},
		);
	})) as IDataObject;
	const id = String(found.id ?? '');
	if (!id)
		throw new NodeOperationError(ctx.getNode(), `Business Unit: no company "${domain}" was found`, {
			itemIndex,
		});
	cache.set(domain, id);
	return id;
}

/** Reads Return All / Limit: undefined means "everything". */
export function getLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return readNumber(ctx, itemIndex, 'Limit', ctx.getNodeParameter('limit', itemIndex, 50), {
		min: 1,
		integer: true,
	});
}
