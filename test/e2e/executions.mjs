// What both real-n8n suites (test/e2e, test/e2e-queue) read from an n8n execution and how they
// talk to the emulator's admin API; each suite's context.mjs passes in its own stack.

/** A readable failure for an execution that did not succeed (names the failing node when known). */
export function describeExecution(execution) {
	const result = execution.data?.resultData ?? {};
	const node = result.error?.node?.name ?? result.lastNodeExecuted ?? '?';
	const detail = result.error ? ` — ${result.error.message} (node "${node}")` : '';
	return `execution ${execution.id} of ${execution.workflowId}: ${execution.status}${detail}`;
}

/** The JSON of the items a node sent out on its first output in its last run. */
export function outputOf(execution, nodeName) {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	return runs?.[runs.length - 1]?.data?.main?.[0]?.map((item) => item.json) ?? [];
}

/** A caller of the emulator's admin API at `adminUrl`: JSON in, JSON out, a clear error otherwise. */
export function emulatorAdminAt(adminUrl) {
	return async (method, route, body) => {
		const response = await fetch(`${adminUrl}${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`emulator ${method} ${route} → ${response.status}: ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : undefined;
	};
}
