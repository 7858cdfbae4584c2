import type { IExecuteFunctions } from 'n8n-workflow';

import { requireEmail, requireText } from './validate';

/** The customer an invitation, a review link or a Business Generated Link is for. */
export interface Customer {
	email: string;
	name: string;
	reference: string;
}

/** Where an operation keeps the customer: its parameter names, and how it labels the reference. */
export interface CustomerParameters {
	email: string;
	name: string;
	reference: string;
	referenceLabel: string;
}

/**
 * Reads and checks the customer of an item (email, name, order reference, in that order, so the
 * first error is the same in every operation). Shared by the invitation operations and the Link
 * Generator.
 */
export function readCustomer(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameters: CustomerParameters,
): Customer {
	const email = requireEmail(
		ctx,
		itemIndex,
		'Customer Email',
		ctx.getNodeParameter(parameters.email, itemIndex),
	);
	const name = requireText(
		ctx,
		itemIndex,
		'Customer Name',
		ctx.getNodeParameter(parameters.name, itemIndex),
	);
	const reference = requireText(
		ctx,
		itemIndex,
		parameters.referenceLabel,
		ctx.getNodeParameter(parameters.reference, itemIndex),
	);
	return { email, name, reference };
}

/** The parameters of the invitation-link operations. */
export const LINK_CUSTOMER: CustomerParameters = {
	email: 'email',
	name: 'name',
	reference: 'referenceId',
	referenceLabel: 'Reference ID',
};
