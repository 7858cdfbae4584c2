import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { TrustpilotOperation, TrustpilotResource } from './types';

/**
 * Builds the "Operation" dropdown of a resource and scopes every operation's parameters to
 * it, so an operation file only declares its own fields.
 */
export function resourceProperties(
	resource: TrustpilotResource,
	defaultOperation: string,
): INodeProperties[] {
	const resourceValue = String(resource.option.value);
	const operationSelector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resourceValue] } },
		options: Object.values(resource.operations)
			.map((operation: TrustpilotOperation) => operation.option)
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const fields = Object.entries(resource.operations).flatMap(([value, operation]) =>
		updateDisplayOptions(
			{ show: { resource: [resourceValue], operation: [value] } },
			operation.description,
		),
	);
	return [operationSelector, ...fields];
}
