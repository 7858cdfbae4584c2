import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import {
	readInvitationTags,
	COMMA_LINE_OR_SEMICOLON_SEPARATED,
	parseUtcDate,
	readList,
	readOption,
	readText,
	requireEmail,
	requireHttpUrl,
	requireLocale,
	requireText,
} from '../../../shared/validate';
import { readCustomer } from '../../../shared/customer';
import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { sendEmailDescription } from './sendEmail.description';
import { readProductInput, readTemplateId, readProducts, toInvitationDateTime } from './fields';

interface Block {
	body: IDataObject;
	sendAt?: Date;
}

/** Template, send time and redirect: the fields both invitation blocks share. */
function commonBlock(
	ctx: IExecuteFunctions,
	itemIndex: number,
	templateParameter: string,
	label: string,
	options: IDataObject,
): Block {
	const body: IDataObject = {};
	const templateId = readTemplateId(
		ctx,
		itemIndex,
		`${label} Template`,
		ctx.getNodeParameter(templateParameter, itemIndex, ''),
	);
	if (templateId) body.templateId = templateId;
	let sendAt: Date | undefined;
	if (String(options.preferredSendTime ?? '').trim()) {
		sendAt = parseUtcDate(
			ctx,
			itemIndex,
			`${label} Options → Preferred Send Time`,
			options.preferredSendTime,
		);
		body.preferredSendTime = toInvitationDateTime(sendAt);
	}
	if (String(options.redirectUri ?? '').trim()) {
		body.redirectUri = requireHttpUrl(
			ctx,
			itemIndex,
			`${label} Options → Redirect URI`,
			options.redirectUri,
		);
	}
	return { body, sendAt };
}

function serviceBlock(ctx: IExecuteFunctions, itemIndex: number): Block {
	const options = ctx.getNodeParameter('serviceOptions', itemIndex, {}) as IDataObject;
	const block = commonBlock(ctx, itemIndex, 'serviceTemplateId', 'Service Review', options);
	const tags = readInvitationTags(ctx, itemIndex, 'Service Review Options → Tags', options.tags);
	if (tags.length) block.body.tags = tags;
	return block;
}

function productBlock(ctx: IExecuteFunctions, itemIndex: number): Block {
	const options = ctx.getNodeParameter('productOptions', itemIndex, {}) as IDataObject;
	const block = commonBlock(ctx, itemIndex, 'productTemplateId', 'Product Review', options);
	const input = readProductInput(ctx, itemIndex, true);
	// Trustpilot takes either full products or catalogue SKUs, never both.
	if (input === 'skus') {
		const skus = readList(
			ctx,
			itemIndex,
			'Product SKUs',
			ctx.getNodeParameter('productSkus', itemIndex, ''),
			COMMA_LINE_OR_SEMICOLON_SEPARATED,
		);
		if (skus.length === 0) requireText(ctx, itemIndex, 'Product SKUs', '');
		block.body.productSkus = skus;
	} else {
		block.body.products = readProducts(ctx, itemIndex, input);
	}
	return block;
}

function senderFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const labels: Record<string, string> = {
		locale: 'Locale',
		senderName: 'Sender Name',
		senderEmail: 'Sender Email',
		replyTo: 'Reply-To Email',
		locationId: 'Location ID',
	};
	const text = (key: string) => readText(ctx, itemIndex, labels[key], fields[key]);
	if (text('locale')) body.locale = requireLocale(ctx, itemIndex, 'Locale', fields.locale);
	if (text('senderName')) body.senderName = text('senderName');
	if (text('senderEmail'))
		body.senderEmail = requireEmail(ctx, itemIndex, 'Sender Email', fields.senderEmail);
	if (text('replyTo'))
		body.replyTo = requireEmail(ctx, itemIndex, 'Reply-To Email', fields.replyTo);
	if (text('locationId')) body.locationId = text('locationId');
	return body;
}

export const sendEmail: TrustpilotOperation = {
	option: {
		name: 'Send Email Invitation',
		value: 'sendEmail',
		action:
			'Send a customer an email invitation to review the company (and optionally products), by consumer email, name and order reference. Trustpilot emails the customer; a second call invites again, so call once per order. Returns success, status queued, consumerEmail, referenceNumber. Writes: emails a customer',
		description: 'Ask a customer by email to review your company and/or the products they bought',
	},
	description: sendEmailDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// Everything is checked before any request: an invitation cannot be taken back.
		const customer = readCustomer(this, itemIndex, {
			email: 'consumerEmail',
			name: 'consumerName',
			reference: 'referenceNumber',
			referenceLabel: 'Reference Number',
		});
		const type = readOption(
			this,
			itemIndex,
			'Invite To Review',
			this.getNodeParameter('invitationType', itemIndex, 'service'),
			['service', 'both', 'product'] as const,
			'service',
		);
		const service = type === 'product' ? undefined : serviceBlock(this, itemIndex);
		const product = type === 'service' ? undefined : productBlock(this, itemIndex);
		if (service?.sendAt && product?.sendAt && product.sendAt < service.sendAt) {
			throw new NodeOperationError(
				this.getNode(),
				'Product Review Options → Preferred Send Time: is before the service review invitation',
				{
					itemIndex,
					description:
						'Trustpilot requires the service review invitation to be sent first; move the product review time later.',
				},
			);
		}
		const body: IDataObject = {
			consumerEmail: customer.email,
			consumerName: customer.name,
			referenceNumber: customer.reference,
			...senderFields(this, itemIndex),
		};
		if (service) body.serviceReviewInvitation = service.body;
		if (product) body.productReviewInvitation = product.body;
		const businessUnitId = await readBusinessUnitId(this, itemIndex);

		const { statusCode } = await trustpilotRequest(this, {
			method: 'POST',
			host: 'invitations',
			path: `/private/business-units/${businessUnitId}/email-invitations`,
			body,
			access: 'private',
			businessUserHeader: true,
			// Never resent after a possible delivery: a customer must not be invited twice.
			idempotent: false,
			itemIndex,
		});
		return {
			success: true,
			status: 'queued',
			statusCode,
			businessUnitId,
			consumerEmail: customer.email,
			referenceNumber: customer.reference,
			serviceReviewInvitation: service !== undefined,
			productReviewInvitation: product !== undefined,
			preferredSendTime: (service?.sendAt ?? product?.sendAt)?.toISOString() ?? null,
		};
	},
};
