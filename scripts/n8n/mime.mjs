// Just enough MIME decoding to read what nodemailer (n8n's Send Email node) sends: headers with
// RFC 2047 encoded words, quoted-printable/base64 bodies and multipart/alternative text + html.

export function parseMessage(raw) {
	const { headers, body } = splitHeaders(raw);
	const message = {
		subject: decodeWords(headers.subject ?? ''),
		from: decodeWords(headers.from ?? ''),
		to: decodeWords(headers.to ?? ''),
		cc: decodeWords(headers.cc ?? ''),
		messageId: headers['message-id'] ?? '',
		headers,
		text: '',
		html: '',
	};
	collectParts(headers, body, message);
	return message;
}

function splitHeaders(raw) {
	const separator = raw.search(/\r?\n\r?\n/);
	const head = separator === -1 ? raw : raw.slice(0, separator);
	const body = separator === -1 ? '' : raw.slice(separator).replace(/^\r?\n\r?\n/, '');
	const headers = {};
	// Folded header lines start with whitespace and continue the previous header.
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { headers, body };
}

function collectParts(headers, body, message) {
	const contentType = headers['content-type'] ?? 'text/plain';
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	if (/^multipart\//i.test(contentType) && boundary) {
		const sections = body.split(`--${boundary}`).slice(1);
		for (const section of sections) {
			if (section.startsWith('--')) break;
			const part = splitHeaders(section.replace(/^\r?\n/, ''));
			collectParts(part.headers, part.body, message);
		}
		return;
	}
	const decoded = decodeBody(
		body,
		headers['content-transfer-encoding'] ?? '',
		charsetOf(contentType),
	);
	if (/^text\/html/i.test(contentType)) message.html += decoded;
	else if (/^text\//i.test(contentType)) message.text += decoded;
}

function charsetOf(contentType) {
	const charset = /charset="?([^";]+)"?/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
	return charset === 'us-ascii' ? 'utf-8' : charset;
}

function decodeBody(body, encoding, charset) {
	const kind = encoding.toLowerCase();
	let bytes;
	if (kind === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
	else if (kind === 'quoted-printable') bytes = decodeQuotedPrintable(body);
	else bytes = Buffer.from(body, 'utf8');
	return toText(bytes, charset).replace(/\r\n/g, '\n').replace(/\n+$/, '');
}

function decodeQuotedPrintable(text) {
	const softBreaksRemoved = text.replace(/=\r?\n/g, '');
	const bytes = [];
	for (let i = 0; i < softBreaksRemoved.length; i++) {
		const char = softBreaksRemoved[i];
		const hex = softBreaksRemoved.slice(i + 1, i + 3);
		if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(char, 'utf8'));
		}
	}
	return Buffer.from(bytes);
}

function toText(bytes, charset) {
	try {
		return new TextDecoder(charset).decode(bytes);
	} catch {
		return bytes.toString('utf8');
	}
}

/** Decodes RFC 2047 words such as `=?UTF-8?Q?Caf=C3=A9?=` or `=?utf-8?B?Q2Fmw6k=?=`. */
export function decodeWords(value) {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, kind, data) => {
			const bytes =
				kind.toUpperCase() === 'B'
					? Buffer.from(data, 'base64')
					: decodeQuotedPrintable(data.replace(/_/g, ' '));
			return toText(bytes, charset.toLowerCase());
		});
}
