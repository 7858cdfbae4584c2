// Two HTTP servers (API host + invitations host) over one instance state, and the request pipeline:
// admin → route → fault → auth → body → handler → log.
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiError, quotaViolation, serviceError } from './errors.mjs';
import {
	describeBody,
	originOf,
	parseJsonBody,
	queryToObject,
	readBody,
	sendJson,
	sendRaw,
} from './http.mjs';
import { requireAccessToken, requireApiKey } from './auth.mjs';
import { hitRateLimit } from './ratelimit.mjs';
import { enforceBudget } from './budget.mjs';
import { cloudFrontPage } from './faults.mjs';
import { handleAdmin } from './admin.mjs';
import { createInstance } from './instance.mjs';

async function runRoute(ctx, matched) {
	if (!matched)
		throw serviceError(
			404,
			`Not found: ${ctx.method} ${ctx.path} does not exist on the ${ctx.hostKind} host`,
		);
	if (matched.allowedMethods) {
		throw new ApiError(
			405,
			{ errorCode: 405, message: `Method ${ctx.method} not allowed on ${ctx.path}` },
			{ allow: matched.allowedMethods.join(', ') },
		);
	}
	const { route, params } = matched;
	ctx.params = params;
	if (route.auth === 'apikey') requireApiKey(ctx);
	else if (route.auth === 'private') requireAccessToken(ctx);
	const limit = ctx.state.config.rateLimit;
	if (limit && ctx.application && hitRateLimit(ctx.state, `api:${ctx.application.apiKey}`, limit))
		throw quotaViolation();
	if (ctx.application) enforceBudget(ctx.state, ctx.application.apiKey);
	if (route.body === 'json') ctx.body = parseJsonBody(ctx.headers, ctx.rawBody);
	else if (route.body === 'optional-json')
		ctx.body = parseJsonBody(ctx.headers, ctx.rawBody, { optional: true });
	return route.handler(ctx);
}

function toResponse(error, verbose) {
	if (error instanceof ApiError)
		return { status: error.status, body: error.body, headers: error.headers };
	if (verbose) process.stderr.write(`[emulator] handler error: ${error.stack}\n`);
	return {
		status: 500,
		body: { errorCode: 500, message: `Internal emulator error: ${error.message}` },
	};
}

function writeResult(res, result) {
	const headers = result.headers ?? {};
	if (result.contentType)
		return sendRaw(res, result.status, result.contentType, result.body ?? '', headers);
	if (result.body === null || result.body === undefined) {
		res.writeHead(result.status, { 'content-length': 0, ...headers });
		return res.end();
	}
	return sendJson(res, result.status, result.body, headers);
}

/** Replaces the real outcome with the fault's own failure (status/body/html). */
function faultResponse(action) {
	const status = action.status ?? (action.html ? 502 : 500);
	if (action.html)
		return {
			status,
			contentType: 'text/html',
			body: cloudFrontPage(status),
			headers: action.headers,
		};
	if (action.body !== undefined) {
		return typeof action.body === 'string'
			? {
					status,
					contentType: 'text/plain; charset=utf-8',
					body: action.body,
					headers: action.headers,
				}
			: { status, body: action.body, headers: action.headers };
	}
	const body =
		status === 429 ? quotaViolation().body : { errorCode: status, message: 'Injected fault' };
	return { status, body, headers: action.headers };
}

async function handleRequest(instance, hostKind, req, res) {
	const startedAt = performance.now();
	const url = new URL(req.url, 'http://emulator.invalid');
	const path = url.pathname;
	let rawBody;
	try {
		rawBody = await readBody(req);
	} catch {
		res.destroy();
		return;
	}
	if (path === '/__emulator' || path.startsWith('/__emulator/')) {
		await handleAdmin(instance, { hostKind, req, res, url, rawBody });
		return;
	}
	const { state } = instance;
	const ctx = {
		instance,
		state,
		metrics: instance.metrics,
		hostKind,
		method: req.method,
		path,
		url,
		query: queryToObject(url.searchParams),
		headers: req.headers,
		rawBody,
		body: null,
		origin: originOf(req, instance.origins[hostKind]),
		params: {},
	};
	const matched = instance.router.match(hostKind, req.method, path);
	const route = matched?.route ?? null;
	const fault = instance.faults.select({ host: hostKind, method: req.method, path, route });
	const action = fault?.action ?? {};
	let result = null;
	let destroyed = false;
	if (action.latencyMs) await delay(action.latencyMs);
	const failsBefore =
		fault &&
		!action.afterProcess &&
		!action.truncateJson &&
		(action.reset || action.html || action.status);
	if (failsBefore) {
		if (action.reset) destroyed = true;
		else result = faultResponse(action);
	} else {
		try {
			result = await runRoute(ctx, matched);
		} catch (error) {
			result = toResponse(error, instance.verbose);
		}
		if (fault && action.truncateJson) {
			const text = JSON.stringify(result.body ?? {});
			result = {
				status: 200,
				contentType: 'application/json; charset=utf-8',
				body: text.slice(0, Math.floor(text.length / 2)),
			};
		} else if (fault && action.afterProcess && (action.reset || action.html || action.status)) {
			if (action.reset) destroyed = true;
			else result = faultResponse(action);
		} else if (fault && action.headers) {
			// Headers alone: the real answer, with headers set on the way (a proxy, a cache).
			result = { ...result, headers: { ...(result.headers ?? {}), ...action.headers } };
		}
	}
	if (destroyed) res.destroy();
	else writeResult(res, result);
	const status = destroyed ? null : result.status;
	instance.metrics.request(
		route ? route.template : `${req.method} (unmatched)`,
		destroyed ? 'reset' : status,
	);
	instance.log.add({
		seq: instance.log.nextSeq(),
		host: hostKind,
		method: req.method,
		path,
		route: route ? route.template : null,
		query: ctx.query,
		headers: { ...req.headers },
		body: state.config.logBodies ? describeBody(req.headers, rawBody) : null,
		status,
		durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
		faultId: fault ? fault.id : null,
		at: new Date().toISOString(),
	});
	if (instance.verbose)
		process.stderr.write(
			`[emulator] ${hostKind} ${req.method} ${req.url} -> ${status ?? 'reset'}${fault ? ` (${fault.id})` : ''}\n`,
		);
}

function listen(server, port, host) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(server.address().port);
		});
	});
}

const urlHost = (host) =>
	host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

/** Starts both hosts. Options: port, invitationsPort, host, verbose, seed, config. */
export async function startEmulator(options = {}) {
	const host = options.host ?? '127.0.0.1';
	const port = options.port ?? 8787;
	const invitationsPort = options.invitationsPort ?? (port === 0 ? 0 : port + 1);
	const instance = createInstance(options);
	const handler = (kind) => (req, res) => {
		handleRequest(instance, kind, req, res).catch((error) => {
			if (instance.verbose) process.stderr.write(`[emulator] fatal: ${error.stack}\n`);
			if (!res.headersSent)
				sendJson(res, 500, { errorCode: 500, message: 'Internal emulator error' });
			else res.destroy();
		});
	};
	const apiServer = http.createServer(handler('api'));
	const invitationsServer = http.createServer(handler('invitations'));
	for (const server of [apiServer, invitationsServer]) server.keepAliveTimeout = 5000;
	const apiPort = await listen(apiServer, port, host);
	let invPort;
	try {
		invPort = await listen(invitationsServer, invitationsPort, host);
	} catch (error) {
		apiServer.close();
		throw error;
	}
	const apiOrigin = `http://${urlHost(host)}:${apiPort}`;
	const invitationsOrigin = `http://${urlHost(host)}:${invPort}`;
	instance.origins = { api: apiOrigin, invitations: invitationsOrigin };
	let closing = null;
	return {
		apiUrl: `${apiOrigin}/v1`,
		invitationsUrl: `${invitationsOrigin}/v1`,
		apiOrigin,
		invitationsOrigin,
		adminUrl: `${apiOrigin}/__emulator`,
		instance,
		close() {
			closing ??= Promise.all(
				[apiServer, invitationsServer].map(
					(server) =>
						new Promise((resolve) => {
							server.close(() => resolve());
							server.closeAllConnections();
						}),
				),
			);
			return closing;
		},
	};
}
