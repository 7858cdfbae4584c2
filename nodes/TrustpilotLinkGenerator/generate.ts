import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Tag rules stay with the action node's validation until issue 11's tag changes land there.
import { readInvitationTags, readList, readText } from '../shared/validate';
import { readCustomer } from '../shared/customer';
import { encryptWithKeys } from './bglCrypto';
import type { BglSettings } from './bglSettings';
import type { FixedParameters } from './fixedParameters';
import { buildReviewLink, DEFAULT_COUNTRY_SITE, isCountrySite } from './linkFormat';

/** The JSON Trustpilot decrypts: lower-case keys, optional lists left out when empty. */
interface BglPayload {
	email: string;
	name: string;
	ref: string;
	skus?: string[];
	tags?: string[];
}

function readCountrySite(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const site =
		readText(ctx, itemIndex, 'Country Site', value).toLowerCase() || DEFAULT_COUNTRY_SITE;
	if (!isCountrySite(site)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Country Site: "${site.slice(0, 20)}" is not a Trustpilot site`,
			{
				itemIndex,
				description: 'Use "www" or a country subdomain such as "de", "uk" or "nl-be".',
			},
		);
	}
	return site;
}

interface LinkOptions {
	tags: string[];
	skus: string[];
	countrySite: string;
}

function readLinkOptions(ctx: IExecuteFunctions, itemIndex: number): LinkOptions {
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const tags = readInvitationTags(ctx, itemIndex, 'Tags', additional.tags);
	const skus = readList(ctx, itemIndex, 'SKUs', additional.skus);
	const countrySite = readCountrySite(ctx, itemIndex, additional.countrySite);
	return { tags, skus, countrySite };
}

/** One review link per item; the output carries what an email or CRM node needs next, never the keys. */
export function generateLink(
	ctx: IExecuteFunctions,
	itemIndex: number,
	settings: BglSettings,
	fixed: FixedParameters,
): IDataObject {
	const {
		email,
		name,
		reference: ref,
	} = fixed.read('customer', ['email', 'name', 'referenceNumber'], () =>
		readCustomer(ctx, itemIndex, {
			email: 'email',
			name: 'name',
			reference: 'referenceNumber',
			referenceLabel: 'Reference Number',
		}),
	);
	const { tags, skus, countrySite } = fixed.read('options', ['additionalFields'], () =>
		readLinkOptions(ctx, itemIndex),
	);

	const payload: BglPayload = { email, name, ref };
	if (skus.length > 0) payload.skus = skus;
	if (tags.length > 0) payload.tags = tags;
	const encrypted = encryptWithKeys(JSON.stringify(payload), settings.keys);
	return {
		url: buildReviewLink(countrySite, settings.domain, encrypted),
		email,
		name,
		referenceNumber: ref,
		domain: settings.domain,
		// Copies: lists read once are shared by every item, but each output item owns its own.
		tags: [...tags],
		skus: [...skus],
	};
}
