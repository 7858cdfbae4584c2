// Production webhook URLs of the published demo workflows, as a sender (Trustpilot, a shop) would
// call them — including the caller secret a Trustpilot Trigger was configured with.
import { isActivatingTrigger } from './workflows.mjs';

/** One entry per webhook-based trigger node: `{ workflowId, nodeName, nodeType, url, urlWithAuth }`. */
export function webhookEndpoints(stack, workflow) {
	const endpoints = [];
	for (const node of workflow.nodes) {
		if (!isActivatingTrigger(node)) continue;
		const description = stack.loadedNodeTypes.get(node.type);
		const webhook =
			description?.webhooks?.find((candidate) => candidate.name === 'default') ??
			description?.webhooks?.[0];
		if (!webhook) continue;
		const base = stack.instance.baseUrl;
		let url;
		if (node.type.endsWith('.mcpTrigger')) {
			// Full-path webhooks of MCP servers live under /mcp/ (Streamable HTTP; SSE adds nothing in v2).
			url = `${base}/mcp/${String(node.parameters?.path ?? '').replace(/^\/+/, '')}`;
		} else if (node.type === 'n8n-nodes-base.webhook') {
			url = `${base}/webhook/${String(node.parameters?.path ?? node.webhookId).replace(/^\/+/, '')}`;
		} else {
			const path =
				typeof webhook.path === 'string' && !webhook.path.startsWith('=')
					? webhook.path
					: 'webhook';
			url = `${base}/webhook/${node.webhookId}/${path}`;
		}
		endpoints.push({
			workflowId: workflow.id,
			nodeName: node.name,
			nodeType: node.type,
			url,
			urlWithAuth: withCallerAuth(url, node),
		});
	}
	return endpoints;
}

/** The Trustpilot Trigger reads its secret from the URL: `user:password@` (Basic) or `?token=`. */
function withCallerAuth(url, node) {
	const parameters = node.parameters ?? {};
	const authenticated = new URL(url);
	if (parameters.authentication === 'basicAuth') {
		authenticated.username = encodeURIComponent(String(parameters.user ?? ''));
		authenticated.password = encodeURIComponent(String(parameters.password ?? ''));
	} else if (parameters.authentication === 'token') {
		authenticated.searchParams.set('token', String(parameters.token ?? ''));
	}
	return authenticated.toString();
}
