// Invitations API - served only on the invitations host.
import { requireInvitingUser, requireOwnBusinessUnit } from '../lib/auth.mjs';
import { badRequest } from '../lib/errors.mjs';
import { iso, parseInvitationTime } from '../lib/time.mjs';
import { isEmail, isLocale, ok, siteForLocale, validateStringTags } from './shared.mjs';

const route = (method, path, handler, body) => ({
	host: 'invitations',
	method,
	path: `/v1/private/business-units/{businessUnitId}${path}`,
	auth: 'private',
	handler,
	body,
});

function requireObject(value, field) {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw badRequest(field, 'must be a JSON object');
	return value;
}

function requireText(value, field) {
	if (typeof value !== 'string' || value.trim() === '') throw badRequest(field, 'is required');
	return value;
}

function optionalUrl(value, field) {
	if (value === undefined || value === null) return;
	try {
		const url = new URL(value);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
	} catch {
		throw badRequest(field, 'must be an absolute http(s) URL');
	}
}

/** preferredSendTime: UTC as `MM/dd/yyyy HH:mm:ss` or ISO 8601 (an explicit non-UTC offset is rejected). */
function sendTime(value, field) {
	if (value === undefined || value === null) return null;
	const ms = parseInvitationTime(value);
	if (ms === null)
		throw badRequest(field, "must be a UTC time as 'MM/dd/yyyy HH:mm:ss' or ISO 8601");
	if (/[+-]\d{2}:?\d{2}$/.test(value) && !/[+-]00:?00$/.test(value))
		throw badRequest(field, 'must be given in UTC');
	return ms;
}

function checkTemplate(bu, templateId, field) {
	if (templateId === undefined || templateId === null) return;
	if (!bu.templates.some((template) => template.id === templateId))
		throw badRequest(field, `unknown template id ${templateId}`);
}

function validateService(bu, block) {
	requireObject(block, 'serviceReviewInvitation');
	checkTemplate(bu, block.templateId, 'serviceReviewInvitation.templateId');
	optionalUrl(block.redirectUri, 'serviceReviewInvitation.redirectUri');
	validateStringTags(block.tags, 'serviceReviewInvitation.tags');
	return sendTime(block.preferredSendTime, 'serviceReviewInvitation.preferredSendTime');
}

function validateProduct(bu, block) {
	requireObject(block, 'productReviewInvitation');
	checkTemplate(bu, block.templateId, 'productReviewInvitation.templateId');
	optionalUrl(block.redirectUri, 'productReviewInvitation.redirectUri');
	const hasProducts = block.products !== undefined && block.products !== null;
	const hasSkus = block.productSkus !== undefined && block.productSkus !== null;
	if (hasProducts === hasSkus)
		throw badRequest(
			'productReviewInvitation',
			'exactly one of products or productSkus is required',
		);
	if (hasProducts) {
		if (!Array.isArray(block.products) || !block.products.length)
			throw badRequest('productReviewInvitation.products', 'must be a non-empty array');
		block.products.forEach((product, index) => {
			const field = `productReviewInvitation.products[${index}]`;
			requireObject(product, field);
			if (!product.sku && !product.productUrl) throw badRequest(field, 'needs a sku or productUrl');
			optionalUrl(product.productUrl, `${field}.productUrl`);
			optionalUrl(product.imageUrl, `${field}.imageUrl`);
		});
	} else {
		if (!Array.isArray(block.productSkus) || !block.productSkus.length)
			throw badRequest('productReviewInvitation.productSkus', 'must be a non-empty array');
		for (const sku of block.productSkus) {
			if (typeof sku !== 'string' || !bu.products.has(sku)) {
				throw badRequest(
					'productReviewInvitation.productSkus',
					`unknown SKU ${sku}; upload it to the product catalogue first`,
				);
			}
		}
	}
	return sendTime(block.preferredSendTime, 'productReviewInvitation.preferredSendTime');
}

function emailInvitations(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const user = requireInvitingUser(ctx, bu);
	const body = requireObject(ctx.body, 'body');
	if (!isEmail(body.consumerEmail))
		throw badRequest('consumerEmail', 'must be a valid email address');
	requireText(body.consumerName, 'consumerName');
	requireText(body.referenceNumber, 'referenceNumber');
	if (body.locale !== undefined && body.locale !== null && !isLocale(body.locale))
		throw badRequest('locale', 'must be a locale like en-US');
	for (const field of ['senderEmail', 'replyTo']) {
		if (body[field] !== undefined && body[field] !== null && !isEmail(body[field]))
			throw badRequest(field, 'must be a valid email address');
	}
	if (body.type !== undefined && body.type !== 'email') throw badRequest('type', "must be 'email'");
	const hasService =
		body.serviceReviewInvitation !== undefined && body.serviceReviewInvitation !== null;
	const hasProduct =
		body.productReviewInvitation !== undefined && body.productReviewInvitation !== null;
	if (!hasService && !hasProduct)
		throw badRequest(
			'serviceReviewInvitation',
			'at least one of serviceReviewInvitation or productReviewInvitation is required',
		);
	const serviceTime = hasService ? validateService(bu, body.serviceReviewInvitation) : null;
	const productTime = hasProduct ? validateProduct(bu, body.productReviewInvitation) : null;
	if (serviceTime !== null && productTime !== null && productTime < serviceTime) {
		throw badRequest(
			'productReviewInvitation.preferredSendTime',
			'must not be before serviceReviewInvitation.preferredSendTime',
		);
	}
	ctx.state.records.emailInvitations.push({
		...body,
		id: ctx.state.rng.hexId(),
		businessUnitId: bu.id,
		businessUserId: user.id,
		createdAt: iso(ctx.state.clock.next()),
		status: 'queued',
	});
	return { status: 202, body: null };
}

function invitationLinks(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const body = requireObject(ctx.body, 'body');
	if (!isEmail(body.email)) throw badRequest('email', 'must be a valid email address');
	requireText(body.name, 'name');
	requireText(body.referenceId, 'referenceId');
	if (body.locale !== undefined && body.locale !== null && !isLocale(body.locale))
		throw badRequest('locale', 'must be a locale like en-US');
	validateStringTags(body.tags, 'tags');
	optionalUrl(body.redirectUri, 'redirectUri');
	if (
		body.locationId !== undefined &&
		body.locationId !== null &&
		typeof body.locationId !== 'string'
	)
		throw badRequest('locationId', 'must be a string');
	const id = ctx.state.rng.hexId();
	const url = `${siteForLocale(body.locale ?? 'en-US')}/evaluate-link/${id}`;
	ctx.state.records.invitationLinks.push({
		...body,
		id,
		url,
		businessUnitId: bu.id,
		createdAt: iso(ctx.state.clock.next()),
	});
	return ok({ id, url });
}

function templates(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	return ok({ templates: bu.templates.map((template) => ({ ...template })) });
}

function deleteInvitationData(ctx) {
	const bu = requireOwnBusinessUnit(ctx, ctx.params.businessUnitId);
	const user = requireInvitingUser(ctx, bu);
	const body = requireObject(ctx.body, 'body');
	const hasEmails = body.customerEmails !== undefined && body.customerEmails !== null;
	const hasDate = body.deleteOlderThan !== undefined && body.deleteOlderThan !== null;
	if (hasEmails === hasDate)
		throw badRequest('customerEmails', 'provide exactly one of customerEmails or deleteOlderThan');
	let matches;
	if (hasEmails) {
		if (!Array.isArray(body.customerEmails) || !body.customerEmails.length)
			throw badRequest('customerEmails', 'must be a non-empty array of email addresses');
		for (const email of body.customerEmails)
			if (!isEmail(email))
				throw badRequest('customerEmails', `'${email}' is not a valid email address`);
		const emails = new Set(body.customerEmails.map((email) => email.toLowerCase()));
		matches = (address) => typeof address === 'string' && emails.has(address.toLowerCase());
	} else {
		const cutoff = parseInvitationTime(body.deleteOlderThan);
		if (cutoff === null)
			throw badRequest(
				'deleteOlderThan',
				"must be a UTC time as 'MM/dd/yyyy HH:mm:ss' or ISO 8601",
			);
		matches = (address, createdAt) => Date.parse(createdAt) < cutoff;
	}
	const { records } = ctx.state;
	const before = {
		invitations: records.emailInvitations.length,
		links: records.invitationLinks.length,
	};
	records.emailInvitations = records.emailInvitations.filter(
		(item) => item.businessUnitId !== bu.id || !matches(item.consumerEmail, item.createdAt),
	);
	records.invitationLinks = records.invitationLinks.filter(
		(item) => item.businessUnitId !== bu.id || !matches(item.email, item.createdAt),
	);
	records.invitationDataDeletions.push({
		id: ctx.state.rng.hexId(),
		businessUnitId: bu.id,
		businessUserId: user.id,
		createdAt: iso(ctx.state.clock.next()),
		customerEmails: hasEmails ? [...body.customerEmails] : null,
		deleteOlderThan: hasDate ? body.deleteOlderThan : null,
		deletedEmailInvitations: before.invitations - records.emailInvitations.length,
		deletedInvitationLinks: before.links - records.invitationLinks.length,
	});
	return { status: 204, body: null };
}

export const invitationRoutes = [
	route('POST', '/email-invitations', emailInvitations, 'json'),
	route('POST', '/invitation-links', invitationLinks, 'json'),
	route('GET', '/templates', templates),
	route('POST', '/invitation-data/delete', deleteInvitationData, 'json'),
];
