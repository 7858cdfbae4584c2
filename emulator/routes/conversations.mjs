// Product-review conversations and their comments.
import { requireActingUser, requireOwnBusinessUnit } from '../lib/auth.mjs';
import { badRequest, notFound } from '../lib/errors.mjs';
import { commentShape, conversationShape } from '../lib/shapes.mjs';
import { ok } from './shared.mjs';

const priv = (method, path, handler, body) => ({
	host: 'api',
	method,
	path: `/v1/private/conversations/{conversationId}${path}`,
	auth: 'private',
	handler,
	body,
});

function findConversation(ctx) {
	const conversation = ctx.state.conversations.get(ctx.params.conversationId);
	if (!conversation) throw notFound(`Conversation ${ctx.params.conversationId} not found`);
	return conversation;
}

function ownConversation(ctx) {
	const conversation = findConversation(ctx);
	const bu = requireOwnBusinessUnit(ctx, conversation.businessUnitId);
	return { conversation, bu };
}

function findComment(conversation, commentId) {
	const comment = conversation.comments.find((candidate) => candidate.id === commentId);
	if (!comment) throw notFound(`Comment ${commentId} not found in conversation ${conversation.id}`);
	return comment;
}

function readContent(body) {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw badRequest('body', 'must be a JSON object');
	if (typeof body.content !== 'string' || body.content.trim() === '')
		throw badRequest('content', 'is required');
	if (body.content.length > 5000) throw badRequest('content', 'must be at most 5000 characters');
	if (
		body.integrationId !== undefined &&
		body.integrationId !== null &&
		typeof body.integrationId !== 'string'
	) {
		throw badRequest('integrationId', 'must be a string');
	}
	return { content: body.content, integrationId: body.integrationId ?? null };
}

function publicConversation(ctx) {
	const conversation = findConversation(ctx);
	if (conversation.state !== 'public') throw notFound(`Conversation ${conversation.id} not found`);
	return ok(conversationShape(conversation));
}

function createComment(ctx) {
	const { conversation, bu } = ownConversation(ctx);
	const { content, integrationId } = readContent(ctx.body);
	const user = requireActingUser(ctx, bu);
	const comment = {
		id: ctx.state.rng.hexId(),
		createdAt: ctx.state.clock.next(),
		updatedAt: null,
		author: { id: user.id, type: 'businessUser' },
		content,
		integrationId,
	};
	conversation.comments.push(comment);
	const { updatedAt, integrationId: _integration, ...shape } = commentShape(comment);
	return { status: 201, body: shape };
}

function updateComment(ctx) {
	const { conversation, bu } = ownConversation(ctx);
	requireActingUser(ctx, bu);
	const comment = findComment(conversation, ctx.params.commentId);
	const { content, integrationId } = readContent(ctx.body);
	comment.content = content;
	if (integrationId !== null) comment.integrationId = integrationId;
	comment.updatedAt = ctx.state.clock.next();
	return ok(commentShape(comment));
}

function setState(ctx) {
	const { conversation, bu } = ownConversation(ctx);
	requireActingUser(ctx, bu);
	const value = ctx.body?.state;
	if (value !== 'public' && value !== 'private')
		throw badRequest('state', 'must be public or private');
	conversation.state = value;
	return { status: 204, body: null };
}

export const conversationRoutes = [
	{
		host: 'api',
		method: 'GET',
		path: '/v1/conversations/{conversationId}',
		auth: 'apikey',
		handler: publicConversation,
	},
	priv('GET', '', (ctx) => ok(conversationShape(ownConversation(ctx).conversation))),
	priv('POST', '/comments', createComment, 'json'),
	priv('GET', '/comments/{commentId}', (ctx) =>
		ok(commentShape(findComment(ownConversation(ctx).conversation, ctx.params.commentId))),
	),
	priv('PUT', '/comments/{commentId}', updateComment, 'json'),
	priv('POST', '/state', setState, 'json'),
];
