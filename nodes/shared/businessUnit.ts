import type { IDataObject, INodeParameterResourceLocator, NodeApiError } from 'n8n-workflow';

import { trustpilotJson, type TrustpilotContext } from '../Trustpilot/transport';
import { fieldError, isTrustpilotId, requireId, requireText } from './validate';

/** A business unit as the user chose it: an id, or a domain/name to look up ("By Domain"). */
export interface BusinessUnitReference {
	mode: string;
	value: string;
}

/** Reads a business unit locator; a plain string (older workflows, expressions) is an id. */
export function readBusinessUnitReference(locator: unknown): BusinessUnitReference {
	if (typeof locator === 'object' && locator !== null) {
		const { mode, value } = locator as Partial<INodeParameterResourceLocator>;
		return { mode: mode ?? 'id', value: String(value ?? '').trim() };
	}
	return { mode: 'id', value: String(locator ?? '').trim() };
}

/**
 * Looks a company up with Trustpilot's Find; undefined when Trustpilot knows no such company
 * (a 404, or an answer without a business unit id). Other failures are thrown as they are.
 */
export async function findBusinessUnitByDomain(
	ctx: TrustpilotContext,
	domain: string,
	itemIndex?: number,
): Promise<string | undefined> {
	const found = (await trustpilotJson(ctx, {
		method: 'GET',
		path: '/business-units/find',
		qs: { name: domain },
		itemIndex,
	}).catch((error: NodeApiError) => {
		// A 404 is Trustpilot's "no such company"; anything else is a real failure.
		if (error.httpCode === '404') return undefined;
		throw error;
	})) as IDataObject | undefined;
	if (found === undefined) return undefined;
	const id = String(found.id ?? '');
	return isTrustpilotId(id) ? id : undefined;
}

export interface ResolveOptions {
	/** The field name the user sees, e.g. "Business Unit". */
	field: string;
	itemIndex: number;
	/** Domains already looked up (lower-case domain → id); filled with each new lookup. */
	knownDomains: Record<string, string>;
	/** What to say when an id is malformed. */
	idHint?: string;
}

/**
 * The one business-unit resolver of the package: an id is checked, a domain is looked up once
 * per `knownDomains` (per execution in the action node, stored with the cursor in the poll
 * trigger). An unknown company or a malformed id is an error naming the field.
 */
export async function resolveBusinessUnitId(
	ctx: TrustpilotContext,
	reference: BusinessUnitReference,
	options: ResolveOptions,
): Promise<string> {
	const { field, itemIndex, knownDomains } = options;
	if (reference.mode !== 'domain') {
		return requireId(ctx, itemIndex, field, reference.value, options.idHint);
	}
	const domain = requireText(ctx, itemIndex, field, reference.value).toLowerCase();
	// Own keys only: a domain typed as "constructor" must not find Object's prototype.
	const known = Object.prototype.hasOwnProperty.call(knownDomains, domain)
		? knownDomains[domain]
		: undefined;
	if (known) return known;
	const id = await findBusinessUnitByDomain(ctx, domain, itemIndex);
	if (id === undefined) {
		return fieldError(
			ctx,
			itemIndex,
			field,
			`no company "${domain}" was found on Trustpilot`,
			"Use the domain or name exactly as on the company's Trustpilot page, e.g. example.com.",
		);
	}
	knownDomains[domain] = id;
	return id;
}
