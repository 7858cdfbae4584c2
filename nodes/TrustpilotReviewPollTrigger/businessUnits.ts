import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	readBusinessUnitReference,
	resolveBusinessUnitId,
	type BusinessUnitReference,
} from '../shared/businessUnit';

interface UnitEntry {
	businessUnit?: unknown;
}

function readReferences(ctx: IPollFunctions): BusinessUnitReference[] {
	const collection = ctx.getNodeParameter('businessUnits', {}) as { unit?: UnitEntry[] };
	return (collection.unit ?? []).map(({ businessUnit }) => readBusinessUnitReference(businessUnit));
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
	for (const reference of references) {
		const id = await resolveBusinessUnitId(ctx, reference, {
			field: 'Business Units',
			itemIndex: 0,
			knownDomains: domains,
			idHint:
				'Business unit IDs have 24 hexadecimal characters. To use a domain, choose "By Domain".',
		});
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}
