import type {
	IDataObject,
	INodeParameterResourceLocator,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { trustpilotJson } from '../Trustpilot/transport';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

interface UnitEntry {
	businessUnit?: INodeParameterResourceLocator | string;
}

interface Reference {
	mode: string;
	value: string;
}

function readReferences(ctx: IPollFunctions): Reference[] {
	const collection = ctx.getNodeParameter('businessUnits', {}) as { unit?: UnitEntry[] };
	return (collection.unit ?? []).map(({ businessUnit }) => {
		if (typeof businessUnit === 'string') return { mode: 'id', value: businessUnit.trim() };
		return { mode: businessUnit?.mode ?? 'id', value: String(businessUnit?.value ?? '').trim() };
	});
}

async function findByDomain(ctx: IPollFunctions, domain: string): Promise<string> {
	const found = await trustpilotJson(ctx, {
		method: 'GET',
		path: '/business-units/find',
		qs: { name: domain },
	}).catch((error: NodeApiError) => {
		if (error.httpCode !== '404') throw error;
		throw new NodeOperationError(
			ctx.getNode(),
			`Business Units: no company "${domain}" was found on Trustpilot`,
			{
				description:
					"Use the domain or name exactly as on the company's Trustpilot page, e.g. example.com.",
			},
		);
	});
	const id = String((found as IDataObject).id ?? '');
	if (!OBJECT_ID.test(id)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Business Units: no company "${domain}" was found on Trustpilot`,
		);
	}
	return id;
}

/**
 * The business units to poll, as ids, in the order given and without repeats. A domain is
 * looked up once and remembered in `domains` (stored with the cursor), so later polls spend no
 * request on it.
 */
export async function resolveBusinessUnits(
	ctx: IPollFunctions,
	domains: Record<string, string>,
): Promise<string[]> {
	const references = readReferences(ctx).filter((reference) => reference.value !== '');
	if (references.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Business Units: add at least one business unit', {
			description:
				'Pick a company from the list, or enter its 24-character ID or its domain (e.g. example.com).',
		});
	}
	const ids: string[] = [];
	for (const { mode, value } of references) {
		let id: string;
		if (mode === 'domain') {
			const domain = value.toLowerCase();
			id = domains[domain] ?? (domains[domain] = await findByDomain(ctx, domain));
		} else if (OBJECT_ID.test(value)) {
			id = value;
		} else {
			throw new NodeOperationError(
				ctx.getNode(),
				`Business Units: "${value.slice(0, 40)}" is not a Trustpilot ID`,
				{
					description:
						'Business unit IDs have 24 hexadecimal characters. To use a domain, choose "By Domain".',
				},
			);
		}
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}
