// The mail catcher the demo and the e2e suite rely on, spoken to as a raw SMTP client: the
// conversation a mail library has with it, and what its HTTP view then shows.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';

import { startSmtpCatcher } from '../../scripts/n8n/smtpCatcher.mjs';

let catcher;
before(async () => {
	catcher = await startSmtpCatcher();
});
after(() => catcher.close());

/** Sends each command after the server's previous reply; resolves with every reply line. */
function converse(port, commands) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		const replies = [];
		let pending = '';
		const queue = [...commands];
		socket.setEncoding('utf8');
		socket.on('error', reject);
		socket.on('data', (chunk) => {
			pending += chunk;
			// A reply is complete when its last line has a space after the code ("250 …", not "250-…").
			while (/^\d{3} .*\r\n/m.test(pending)) {
				const end = pending.search(/^\d{3} .*\r\n/m);
				const lineEnd = pending.indexOf('\r\n', end) + 2;
				replies.push(pending.slice(0, lineEnd).trim());
				pending = pending.slice(lineEnd);
				const next = queue.shift();
				if (next === undefined) socket.end();
				else socket.write(next);
			}
		});
		socket.on('close', () => resolve(replies));
	});
}

test('accepts a message over SMTP and shows it decoded on /messages', async () => {
	const boundary = 'b1';
	const body = [
		'From: Shop <orders@example.com>',
		'To: ana@example.org',
		'Subject: =?UTF-8?Q?Caf=C3=A9_order?=',
		'MIME-Version: 1.0',
		`Content-Type: multipart/alternative; boundary="${boundary}"`,
		'',
		`--${boundary}`,
		'Content-Type: text/plain; charset=utf-8',
		'Content-Transfer-Encoding: quoted-printable',
		'',
		'Review us: https://example.com/a-very-long-link=',
		'-continued?p=3D1',
		'..a line that started with a dot',
		`--${boundary}`,
		'Content-Type: text/html; charset=utf-8',
		'Content-Transfer-Encoding: base64',
		'',
		Buffer.from('<p>Hello</p>').toString('base64'),
		`--${boundary}--`,
		'.',
		'',
	].join('\r\n');
	const replies = await converse(catcher.smtpPort, [
		'EHLO client\r\n',
		'AUTH LOGIN\r\n',
		`${Buffer.from('demo').toString('base64')}\r\n`,
		`${Buffer.from('secret').toString('base64')}\r\n`,
		'MAIL FROM:<orders@example.com>\r\n',
		'RCPT TO:<ana@example.org>\r\n',
		'DATA\r\n',
		body,
		'QUIT\r\n',
	]);
	assert.deepEqual(
		replies.map((reply) => reply.split('\r\n').pop().slice(0, 3)),
		['220', '250', '334', '334', '235', '250', '250', '354', '250', '221'],
	);

	const messages = await (await fetch(`http://127.0.0.1:${catcher.httpPort}/messages`)).json();
	assert.equal(messages.length, 1);
	const [message] = messages;
	assert.deepEqual(message.envelope, { from: 'orders@example.com', to: ['ana@example.org'] });
	assert.equal(message.authUser, 'demo');
	assert.equal(message.subject, 'Café order');
	assert.equal(
		message.text,
		'Review us: https://example.com/a-very-long-link-continued?p=1\n.a line that started with a dot',
	);
	assert.equal(message.html, '<p>Hello</p>');
	assert.equal(message.raw, undefined, 'the list leaves the raw source out');
	const raw = await (
		await fetch(`http://127.0.0.1:${catcher.httpPort}/messages/${message.id}/raw`)
	).text();
	assert.ok(raw.includes('Subject: =?UTF-8?Q?Caf=C3=A9_order?='));
});

test('refuses DATA before a recipient and answers unknown commands with 502', async () => {
	const replies = await converse(catcher.smtpPort, [
		'HELO client\r\n',
		'DATA\r\n',
		'STARTTLS\r\n',
		'QUIT\r\n',
	]);
	assert.deepEqual(
		replies.map((reply) => reply.slice(0, 3)),
		['220', '250', '503', '502', '221'],
	);
});
