import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseJsonObject } from '../shared/json';
import { fieldError, readText } from '../shared/validate';
import { decryptWithKeys } from './bglCrypto';
import type { BglSettings } from './bglSettings';
import { parseLinkOrPayload, type LinkParts } from './linkFormat';

/** Returns the payload JSON only after its MAC verified under the credential's keys. */
export function decodeLink(
	ctx: IExecuteFunctions,
	itemIndex: number,
	settings: BglSettings,
): IDataObject {
	// Text is kept untrimmed (a leading space may be a form-decoded "+"); anything else follows the
	// shared text rule, so an object or a list an expression gave is an error naming Link.
	const raw = ctx.getNodeParameter('link', itemIndex);
	const input = typeof raw === 'string' ? raw : readText(ctx, itemIndex, 'Link', raw);
	const checkHint = `Check that the whole link was copied and that the credential holds the keys for ${settings.domain}.`;
	let parts: LinkParts | undefined;
	let problem: string | undefined;
	try {
		parts = parseLinkOrPayload(input);
	} catch (error) {
		problem = (error as Error).message;
	}
	if (parts === undefined)
		fieldError(ctx, itemIndex, 'Link', problem ?? 'could not be read', checkHint);
	// Checked before the MAC so a link for another business gets this clearer message.
	if (parts.domain !== undefined && parts.domain !== settings.domain) {
		fieldError(
			ctx,
			itemIndex,
			'Link',
			`the link is for ${parts.domain.slice(0, 80)}, but the credential is for ${settings.domain}`,
			'Use the Business Generated Links credential of the domain the link was made for.',
		);
	}
	let text: string | undefined;
	try {
		text = decryptWithKeys(parts.payload, settings.keys);
	} catch (error) {
		problem = (error as Error).message;
	}
	if (text === undefined)
		fieldError(ctx, itemIndex, 'Link', problem ?? 'could not be decrypted', checkHint);
	const json = parseJsonObject<IDataObject>(text);
	if (json === undefined) {
		fieldError(
			ctx,
			itemIndex,
			'Link',
			'the payload is authentic but is not a JSON object',
			'Trustpilot expects a JSON object with email, name and ref.',
		);
	}
	return withNodeFieldNames(json);
}

/**
 * Trustpilot's payload calls the reference `ref`; Generate takes and outputs it as `referenceNumber`,
 * so Decode gives it that same name and a decoded link maps onto the fields that made it.
 */
function withNodeFieldNames(payload: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(payload).map(([key, value]) => [key === 'ref' ? 'referenceNumber' : key, value]),
	);
}
