import type { IDataObject, INodeCredentials } from 'n8n-workflow';

import { CredentialStore, runNode } from '../harness/engine';

export interface BglKeys {
	domain: string;
	encryptKey: string;
	authKey: string;
}

/** A `trustpilotBusinessLinksApi` credential in a fresh store, as the node would find it. */
export function bglCredential(
	keys: BglKeys,
	store = new CredentialStore(),
): {
	store: CredentialStore;
	credentials: INodeCredentials;
} {
	const ref = store.add({
		id: 'bgl-1',
		name: 'Trustpilot BGL',
		type: 'trustpilotBusinessLinksApi',
		data: { domain: keys.domain, encryptSecretKey: keys.encryptKey, authSecretKey: keys.authKey },
	});
	return { store, credentials: { trustpilotBusinessLinksApi: ref } };
}

/** Generate Link with every field mapped from the input item, as a workflow would do it. */
export const GENERATE_FROM_ITEM = {
	operation: 'generate',
	email: '={{ $json.email }}',
	name: '={{ $json.name }}',
	referenceNumber: '={{ $json.ref }}',
	additionalFields: {
		skus: '={{ $json.skus ?? "" }}',
		tags: '={{ $json.tags ?? "" }}',
		countrySite: '={{ $json.countrySite ?? "www" }}',
	},
};

export async function runLinkGenerator(
	keys: BglKeys,
	parameters: IDataObject,
	input: IDataObject[],
	options: { continueOnFail?: boolean } = {},
) {
	const { store, credentials } = bglCredential(keys);
	return await runNode(
		{
			type: 'trustpilotLinkGenerator',
			name: 'Link Generator',
			parameters: parameters as never,
			credentials,
			continueOnFail: options.continueOnFail,
		},
		input,
		store,
	);
}
