import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { packageCredentialTypes } from './packageTypes';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * The "credentials database" of one test: plain objects, persisted the way n8n's CLI
 * CredentialsHelper persists them (preAuthentication output is written back).
 */
export class CredentialStore {
	private readonly byId = new Map<string, StoredCredential>();

	/** How often preAuthentication ran and how often its result was persisted. */
	readonly stats = { preAuthenticationCalls: 0, persisted: 0 };

	add(credential: StoredCredential): INodeCredentialsDetails {
		this.byId.set(credential.id, { ...credential, data: { ...credential.data } });
		return { id: credential.id, name: credential.name };
	}

	get(id: string): StoredCredential {
		const found = this.byId.get(id);
		if (!found) throw new Error(`Test credential ${id} does not exist`);
		return found;
	}

	data(id: string): ICredentialDataDecryptedObject {
		return { ...this.get(id).data };
	}

	update(id: string, data: ICredentialDataDecryptedObject): void {
		const found = this.get(id);
		found.data = { ...data };
	}
}

function credentialType(name: string): ICredentialType {
	const type = packageCredentialTypes[name];
	if (!type) throw new Error(`Unknown credential type ${name}`);
	return type;
}

function withDefaults(type: ICredentialType, data: ICredentialDataDecryptedObject) {
	const result: ICredentialDataDecryptedObject = {};
	for (const property of type.properties) {
		if (property.default !== undefined) result[property.name] = property.default as never;
	}
	return { ...result, ...data };
}

/** Modelled on n8n's CLI CredentialsHelper, minus the database, encryption and sharing. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(name: string): string[] {
		return credentialType(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic' && workflow && node) {
			const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, values] of Object.entries(authenticate.properties)) {
				options[outerKey] = options[outerKey] ?? {};
				for (const [key, value] of Object.entries(values as Record<string, string>)) {
					options[outerKey][key] = workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials },
					);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.store.stats.preAuthenticationCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;

		const details = node.credentials?.[typeName];
		if (details?.id) {
			this.store.update(details.id, { ...this.store.data(details.id), ...output } as never);
			this.store.stats.persisted++;
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (!nodeCredentials.id) throw new Error(`Credential ${nodeCredentials.name} has no id`);
		return withDefaults(credentialType(type), this.store.data(nodeCredentials.id));
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		if (nodeCredentials.id) this.store.update(nodeCredentials.id, data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(nodeCredentials, type, data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialType(type).properties;
	}
}
