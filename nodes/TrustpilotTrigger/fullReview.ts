import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { trustpilotJson } from '../Trustpilot/transport';
import type { TrustpilotEvent } from './events';

const REVIEW_ID = /^[A-Za-z0-9_-]{1,64}$/;
const WITH_PRIVATE_REVIEW = new Set(['service-review-created', 'service-review-updated']);

export function wantsFullReview(event: TrustpilotEvent): boolean {
	return WITH_PRIVATE_REVIEW.has(event.eventName);
}

export type FullReview = { review: IDataObject } | { error: string };

/**
 * The private review behind an event (consumer email, reference ID, tags). The caller has
 * already been answered, so a failure is reported on the item instead of failing the run.
 */
export async function fetchFullReview(
	ctx: IWebhookFunctions,
	event: TrustpilotEvent,
): Promise<FullReview> {
	const id = String(event.eventData.id ?? '');
	if (!REVIEW_ID.test(id)) return { error: 'The event has no valid review ID' };
	try {
		const review = await trustpilotJson(ctx, {
			method: 'GET',
			path: `/private/reviews/${id}`,
			access: 'private',
		});
		return { review };
	} catch (error) {
		const { message, description } = error as { message?: string; description?: string };
		return {
			error: [message, description].filter(Boolean).join(' — ') || 'The review could not be read',
		};
	}
}
