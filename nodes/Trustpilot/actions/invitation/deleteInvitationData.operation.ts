import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBusinessUnitId } from '../../helpers/businessUnit';
import {
	COMMA_LINE_OR_SEMICOLON_SEPARATED,
	fieldError,
	itemError,
	parseUtcDate,
	readList,
	readText,
	requireEmail,
} from '../../../shared/validate';
import { trustpilotRequest } from '../../transport';
import type { TrustpilotOperation } from '../types';
import { toInvitationDateTime } from './fields';
import { deleteInvitationDataDescription } from './deleteInvitationData.description';

/** Exactly one criterion: an erasure by email must never widen into "everything older than". */
function deletionBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const deleteBy = ctx.getNodeParameter('deleteBy', itemIndex, 'customerEmails') as string;
	const emails = readList(
		ctx,
		itemIndex,
		'Customer Emails',
		ctx.getNodeParameter('customerEmails', itemIndex, ''),
		COMMA_LINE_OR_SEMICOLON_SEPARATED,
	);
	const olderThanRaw = ctx.getNodeParameter('deleteOlderThan', itemIndex, '');
	// A Date/DateTime from an expression counts as given; text is checked by the date parser.
	const olderThan =
		typeof olderThanRaw === 'object' && olderThanRaw !== null
			? olderThanRaw
			: readText(ctx, itemIndex, 'Delete Older Than', olderThanRaw);
	if (emails.length && olderThan) {
		// No single field is to blame: the two criteria together are.
		itemError(
			ctx,
			itemIndex,
			'Delete Invitation Data: give either Customer Emails or Delete Older Than, not both',
			'Trustpilot deletes by one criterion per request; choose it with "Delete By".',
		);
	}
	if (deleteBy === 'customerEmails') {
		if (!emails.length) {
			fieldError(
				ctx,
				itemIndex,
				'Customer Emails',
				'is required and was empty',
				`Give at least one email address for item ${itemIndex + 1}, or set "Delete By" to "Older Than a Date".`,
			);
		}
		return {
			customerEmails: emails.map((email, index) =>
				requireEmail(ctx, itemIndex, `Customer Emails #${index + 1}`, email),
			),
		};
	}
	if (deleteBy === 'olderThan') {
		if (!olderThan) {
			fieldError(
				ctx,
				itemIndex,
				'Delete Older Than',
				'is required and was empty',
				`Give a date for item ${itemIndex + 1}, or set "Delete By" to "Customer Emails".`,
			);
		}
		const date = parseUtcDate(ctx, itemIndex, 'Delete Older Than', olderThan);
		if (date.getTime() > Date.now()) {
			fieldError(
				ctx,
				itemIndex,
				'Delete Older Than',
				'is in the future',
				'A future date would delete all invitation data; use a date in the past.',
			);
		}
		return { deleteOlderThan: toInvitationDateTime(date) };
	}
	return fieldError(
		ctx,
		itemIndex,
		'Delete By',
		`"${deleteBy}" is not supported`,
		'Choose "Customer Emails" or "Older Than a Date".',
	);
}

export const deleteInvitationData: TrustpilotOperation = {
	option: {
		name: 'Delete Invitation Data',
		value: 'deleteInvitationData',
		action:
			'Permanently delete invitation data (GDPR erasure) of given customer emails, or all data older than a date. Cannot be undone; keep it away from AI tools unless a person confirms each call. Writes: deletes personal data',
		description: "Permanently delete customers' invitation data (GDPR), by email or by age",
	},
	description: deleteInvitationDataDescription,
	access: 'private',
	businessUserHeader: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = deletionBody(this, itemIndex);
		const businessUnitId = await readBusinessUnitId(this, itemIndex);
		const { statusCode } = await trustpilotRequest(this, {
			method: 'POST',
			host: 'invitations',
			path: `/private/business-units/${businessUnitId}/invitation-data/delete`,
			body,
			access: 'private',
			businessUserHeader: true,
			// Deleting the same data twice has the same effect, so a retry is safe.
			idempotent: true,
			itemIndex,
		});
		return { success: true, action: 'deleted', statusCode, businessUnitId, ...body };
	},
};
