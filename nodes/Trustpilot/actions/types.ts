import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { AccessNeeds } from '../transport';

/** Whether an operation reads or changes private data (then it needs an access token). */
export type OperationAccess = NonNullable<AccessNeeds['access']>;

/** One operation: its parameters, its dropdown entry, and what it does for one input item. */
export interface TrustpilotOperation {
	option: INodePropertyOptions;
	description: INodeProperties[];
	/**
	 * Declared once per operation and checked by the router before the first request of an item,
	 * so a refusal never follows a "By Domain" lookup. A function when a parameter decides.
	 */
	access: OperationAccess | ((this: IExecuteFunctions, itemIndex: number) => OperationAccess);
	/** The operation sends `x-business-user-id` (checked with `access`, before anything is sent). */
	businessUserHeader?: boolean;
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export interface TrustpilotResource {
	option: INodePropertyOptions;
	operations: Record<string, TrustpilotOperation>;
}
