import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** One operation: its parameters, its dropdown entry, and what it does for one input item. */
export interface TrustpilotOperation {
	option: INodePropertyOptions;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export interface TrustpilotResource {
	option: INodePropertyOptions;
	operations: Record<string, TrustpilotOperation>;
}
