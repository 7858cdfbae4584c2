import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { TrustpilotApi } from '../../credentials/TrustpilotApi.credentials';
import { Trustpilot } from '../../nodes/Trustpilot/Trustpilot.node';

/** The package name n8n prefixes to our node types once the package is installed. */
export const PACKAGE_PREFIX = 'n8n-nodes-trustpilot';

/** Every node the package ships, keyed by its installed type name. Add new nodes here. */
export const packageNodeTypes: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE_PREFIX}.trustpilot`]: new Trustpilot(),
};

/** Every credential type the package ships. Add new credentials here. */
export const packageCredentialTypes: Record<string, ICredentialType> = {
	trustpilotApi: new TrustpilotApi(),
};
