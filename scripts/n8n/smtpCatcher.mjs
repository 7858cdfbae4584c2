// A local mail catcher for the demo and the e2e suite: a minimal SMTP server (plain text, no TLS)
// that keeps every message in memory, plus a small HTTP view of them (JSON for tests, HTML for
// people). It speaks just the SMTP n8n's Send Email node (nodemailer) uses.
import http from 'node:http';
import net from 'node:net';

import { parseMessage } from './mime.mjs';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export async function startSmtpCatcher({ smtpPort = 0, httpPort = 0, host = '127.0.0.1' } = {}) {
	const messages = [];
	let nextId = 1;
	const store = (session, raw) => {
		const message = {
			id: nextId++,
			receivedAt: new Date().toISOString(),
			envelope: { from: session.mailFrom, to: [...session.recipients] },
			authUser: session.authUser,
			...parseMessage(raw),
			raw,
		};
		messages.push(message);
		return message;
	};

	const sockets = new Set();
	const smtpServer = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		serveSmtp(socket, store);
	});
	const httpServer = http.createServer((request, response) =>
		serveHttp(request, response, messages),
	);
	await listen(smtpServer, smtpPort, host);
	await listen(httpServer, httpPort, host);

	return {
		smtpPort: smtpServer.address().port,
		httpPort: httpServer.address().port,
		host,
		messages,
		clear: () => messages.splice(0),
		close: async () => {
			for (const socket of sockets) socket.destroy();
			httpServer.closeAllConnections?.();
			await Promise.all([closeServer(smtpServer), closeServer(httpServer)]);
		},
	};
}

function listen(server, port, host) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

function closeServer(server) {
	return new Promise((resolve) => server.close(() => resolve()));
}

function serveSmtp(socket, store) {
	const session = {
		mailFrom: '',
		recipients: [],
		authUser: '',
		mode: 'command',
		data: [],
		dataBytes: 0,
	};
	let buffer = '';
	const reply = (line) => socket.write(`${line}\r\n`);
	const resetEnvelope = () => {
		session.mailFrom = '';
		session.recipients = [];
	};

	reply('220 localhost ESMTP n8n-nodes-trustpilot mail catcher');
	socket.setEncoding('utf8');
	socket.on('error', () => socket.destroy());
	socket.on('data', (chunk) => {
		buffer += chunk;
		let newline;
		while ((newline = buffer.indexOf('\n')) !== -1) {
			const line = buffer.slice(0, newline).replace(/\r$/, '');
			buffer = buffer.slice(newline + 1);
			if (session.mode === 'data') receiveDataLine(line);
			else if (session.mode === 'auth-login-user') {
				session.authUser = Buffer.from(line, 'base64').toString('utf8');
				session.mode = 'auth-login-password';
				reply('334 UGFzc3dvcmQ6');
			} else if (session.mode === 'auth-login-password') {
				session.mode = 'command';
				reply('235 2.7.0 Authentication successful');
			} else handleCommand(line);
		}
	});

	function receiveDataLine(line) {
		if (line === '.') {
			session.mode = 'command';
			if (session.dataBytes > MAX_MESSAGE_BYTES) {
				reply('552 5.3.4 Message too big');
			} else {
				const message = store(session, session.data.join('\r\n'));
				reply(`250 2.0.0 OK queued as ${message.id}`);
			}
			session.data = [];
			session.dataBytes = 0;
			resetEnvelope();
			return;
		}
		// Dot-stuffing: a leading dot was doubled by the client.
		const unstuffed = line.startsWith('..') ? line.slice(1) : line;
		session.dataBytes += unstuffed.length + 2;
		if (session.dataBytes <= MAX_MESSAGE_BYTES) session.data.push(unstuffed);
	}

	function handleCommand(line) {
		const [verb = '', ...rest] = line.split(' ');
		const argument = rest.join(' ');
		switch (verb.toUpperCase()) {
			case 'EHLO':
				reply('250-localhost greets you');
				reply('250-8BITMIME');
				reply('250-SMTPUTF8');
				reply('250-AUTH PLAIN LOGIN');
				reply(`250 SIZE ${MAX_MESSAGE_BYTES}`);
				return;
			case 'HELO':
				reply('250 localhost');
				return;
			case 'AUTH':
				return handleAuth(argument);
			case 'MAIL':
				session.mailFrom = addressOf(argument);
				session.recipients = [];
				reply('250 2.1.0 OK');
				return;
			case 'RCPT':
				if (!session.mailFrom) return reply('503 5.5.1 MAIL first');
				session.recipients.push(addressOf(argument));
				reply('250 2.1.5 OK');
				return;
			case 'DATA':
				if (session.recipients.length === 0) return reply('503 5.5.1 RCPT first');
				session.mode = 'data';
				reply('354 End data with <CR><LF>.<CR><LF>');
				return;
			case 'RSET':
				resetEnvelope();
				reply('250 2.0.0 OK');
				return;
			case 'NOOP':
				reply('250 2.0.0 OK');
				return;
			case 'VRFY':
				reply('252 2.1.5 Cannot verify, will accept');
				return;
			case 'QUIT':
				reply('221 2.0.0 Bye');
				socket.end();
				return;
			default:
				reply('502 5.5.2 Command not implemented');
		}
	}

	function handleAuth(argument) {
		const [mechanism = '', initial] = argument.split(' ');
		if (mechanism.toUpperCase() === 'PLAIN' && initial) {
			// PLAIN carries "authzid\0user\0password"; any password is accepted.
			session.authUser = Buffer.from(initial, 'base64').toString('utf8').split('\0')[1] ?? '';
			return reply('235 2.7.0 Authentication successful');
		}
		if (mechanism.toUpperCase() === 'LOGIN') {
			session.mode = 'auth-login-user';
			return reply('334 VXNlcm5hbWU6');
		}
		reply('504 5.5.4 Unrecognized authentication type');
	}
}

function addressOf(argument) {
	return /<([^>]*)>/.exec(argument)?.[1] ?? argument.replace(/^(FROM|TO):/i, '').trim();
}

function serveHttp(request, response, messages) {
	const url = new URL(request.url ?? '/', 'http://localhost');
	const sendJson = (status, body) => {
		response.writeHead(status, { 'content-type': 'application/json' });
		response.end(JSON.stringify(body, null, 2));
	};
	if (url.pathname === '/messages' && request.method === 'GET') {
		// The raw source stays out of the list to keep it readable; /messages/<id>/raw has it.
		return sendJson(
			200,
			messages.map(({ raw, ...message }) => message),
		);
	}
	if (url.pathname === '/messages' && request.method === 'DELETE') {
		messages.splice(0);
		return sendJson(200, { deleted: true });
	}
	const rawMatch = /^\/messages\/(\d+)\/raw$/.exec(url.pathname);
	if (rawMatch && request.method === 'GET') {
		const message = messages.find((candidate) => candidate.id === Number(rawMatch[1]));
		if (!message) return sendJson(404, { message: 'no such message' });
		response.writeHead(200, { 'content-type': 'message/rfc822' });
		return response.end(message.raw);
	}
	if (url.pathname === '/' && request.method === 'GET') {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		return response.end(renderInbox(messages));
	}
	sendJson(404, { message: 'not found' });
}

function escapeHtml(text) {
	return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function renderInbox(messages) {
	const rows = [...messages]
		.reverse()
		.map(
			(message) => `<article><h2>${escapeHtml(message.subject || '(no subject)')}</h2>
<p><b>From</b> ${escapeHtml(message.from)} · <b>To</b> ${escapeHtml(message.envelope.to.join(', '))} · ${escapeHtml(message.receivedAt)}
 · <a href="/messages/${message.id}/raw">source</a></p>
${message.html ? `<iframe sandbox srcdoc="${escapeHtml(message.html)}"></iframe>` : `<pre>${escapeHtml(message.text)}</pre>`}</article>`,
		)
		.join('\n');
	return `<!doctype html><html><head><meta charset="utf-8"><title>Mail catcher</title>
<meta http-equiv="refresh" content="5"><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}
article{border:1px solid #ccc;border-radius:6px;padding:0 1rem 1rem;margin-bottom:1rem}iframe{width:100%;height:16rem;border:1px solid #eee}</style></head>
<body><h1>Mail catcher: ${messages.length} message(s)</h1><p>JSON: <a href="/messages">/messages</a> (refreshes every 5 s)</p>${rows || '<p>No mail yet.</p>'}</body></html>`;
}
