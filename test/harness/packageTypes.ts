import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { TrustpilotApi } from '../../credentials/TrustpilotApi.credentials';
import { TrustpilotBusinessLinksApi } from '../../credentials/TrustpilotBusinessLinksApi.credentials';
import { Trustpilot } from '../../nodes/Trustpilot/Trustpilot.node';
import { TrustpilotLinkGenerator } from '../../nodes/TrustpilotLinkGenerator/TrustpilotLinkGenerator.node';
import { TrustpilotReviewPollTrigger } from '../../nodes/TrustpilotReviewPollTrigger/TrustpilotReviewPollTrigger.node';
import { TrustpilotTrigger } from '../../nodes/TrustpilotTrigger/TrustpilotTrigger.node';

/** The package name n8n prefixes to our node types once the package is installed. */
export const PACKAGE_PREFIX = 'n8n-nodes-trustpilot';

/** Every node the package ships, keyed by its installed type name. Add new nodes here. */
export const packageNodeTypes: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE_PREFIX}.trustpilot`]: new Trustpilot(),
	[`${PACKAGE_PREFIX}.trustpilotLinkGenerator`]: new TrustpilotLinkGenerator(),
	[`${PACKAGE_PREFIX}.trustpilotReviewPollTrigger`]: new TrustpilotReviewPollTrigger(),
	[`${PACKAGE_PREFIX}.trustpilotTrigger`]: new TrustpilotTrigger(),
};

/** Every credential type the package ships. Add new credentials here. */
export const packageCredentialTypes: Record<string, ICredentialType> = {
	trustpilotApi: new TrustpilotApi(),
	trustpilotBusinessLinksApi: new TrustpilotBusinessLinksApi(),
};
