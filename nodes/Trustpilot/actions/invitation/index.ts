import { resourceProperties } from '../resource';
import type { TrustpilotResource } from '../types';
import { deleteInvitationData } from './deleteInvitationData.operation';
import { generateProductReviewLink } from './generateProductReviewLink.operation';
import { generateServiceReviewLink } from './generateServiceReviewLink.operation';
import { getTemplates } from './getTemplates.operation';
import { sendEmail } from './sendEmail.operation';

export const invitation: TrustpilotResource = {
	option: {
		name: 'Invitation',
		value: 'invitation',
		description: 'Review invitations, links and templates',
	},
	operations: {
		deleteInvitationData,
		generateProductReviewLink,
		generateServiceReviewLink,
		getTemplates,
		sendEmail,
	},
};

export const invitationProperties = resourceProperties(invitation, 'sendEmail');
