import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { simplifyServiceReview } from '../shared/simplify';
import { simplifyProductReview } from '../shared/simplifyProductReview';
import { checkCaller } from './callerAuth';
import { webhookTriggerProperties } from './description';
import { describeEvent, parseEvents, selectEvents, type TrustpilotEvent } from './events';
import { fetchFullReview, wantsFullReview, type FullReview } from './fullReview';

function reply(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject,
	headers: IDataObject = {},
): void {
	const response = ctx.getResponseObject();
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, String(value));
	response.status(status).json(body);
}

/** One flat item per event: what happened, then the review (simplified or as sent). */
function toItem(event: TrustpilotEvent, simplify: boolean, full?: FullReview): IDataObject {
	const { reviewType, eventType } = describeEvent(event.eventName);
	const review = full && 'review' in full ? full.review : undefined;
	let fields: IDataObject;
	if (simplify && reviewType === 'service' && eventType !== 'deleted') {
		fields = simplifyServiceReview(review ?? event.eventData);
	} else if (simplify && reviewType === 'product' && eventType !== 'deleted') {
		// Product events carry the consumer's email and the order reference.
		fields = simplifyProductReview(event.eventData, { isPrivate: true });
	} else {
		fields = { ...event.eventData };
		if (review) fields.review = review;
	}
	const item: IDataObject = {
		eventName: event.eventName,
		version: event.version,
		reviewType,
		eventType,
	};
	Object.assign(item, fields, {
		eventName: event.eventName,
		version: event.version,
		reviewType,
		eventType,
	});
	if (full && 'error' in full) item.fullReviewError = full.error;
	return item;
}

export class TrustpilotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustpilot Trigger',
		name: 'trustpilotTrigger',
		icon: {
			light: 'file:../../icons/trustpilot.svg',
			dark: 'file:../../icons/trustpilot.dark.svg',
		},
		group: ['trigger'],
		// Version 2 behaves as 1. It exists for n8n's webhook path: for a version-1 start node n8n
		// evaluates `$parameter["options"]["binaryData"]` through the expression engine on every
		// request (webhook-helpers parseRequestBody), which under lazy isolate acquisition costs a
		// V8 isolate per request; from version 2 on it does not (see README, Webhook throughput).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Trustpilot sends a review webhook (created, updated, deleted)',
		defaults: { name: 'Trustpilot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'trustpilotApi',
				required: true,
				displayOptions: { show: { fetchFullReview: [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The node answers the caller itself (200, 400 or 401) before any API call.
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: webhookTriggerProperties,
	};

	// Trustpilot has no API for subscriptions: the user pastes the URL in Trustpilot Business.
	// Reporting the webhook as existing keeps n8n from calling `create`; `delete` has nothing to undo.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const caller = checkCaller(this);
		if (!caller.ok) {
			const challenge = caller.basicChallenge
				? { 'WWW-Authenticate': 'Basic realm="Trustpilot webhook"' }
				: {};
			reply(this, 401, { message: `Unauthorized: ${caller.reason}` }, challenge);
			return { noWebhookResponse: true };
		}
		const parsed = await parseEvents(this);
		if (!parsed.ok) {
			reply(this, 400, { message: `Bad request: ${parsed.message}` });
			return { noWebhookResponse: true };
		}
		const wanted = this.getNodeParameter('events', []) as string[];
		const selected = selectEvents(parsed.events, wanted);
		// Answer before any API call, so Trustpilot never waits on the optional review lookup.
		reply(this, 200, { received: parsed.events.length, accepted: selected.length });
		if (selected.length === 0) return { noWebhookResponse: true };

		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const fetchFull = this.getNodeParameter('fetchFullReview', false) as boolean;
		const items: IDataObject[] = [];
		for (const event of selected) {
			const full =
				fetchFull && wantsFullReview(event) ? await fetchFullReview(this, event) : undefined;
			items.push(toItem(event, simplify, full));
		}
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
