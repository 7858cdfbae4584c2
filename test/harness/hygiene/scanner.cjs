'use strict';
// Secret hygiene, scanning: finds secrets (and the encodings they would travel in) in recorded
// text. Secrets are never printed: findings show a masked label and a masked excerpt.
const fs = require('node:fs');
const path = require('node:path');

// Shorter values (e.g. a test's "x") would match innocent text; they are counted, not scanned.
const MIN_SECRET_LENGTH = 6;
// Access and refresh tokens as the emulator issues them, whichever run minted them.
const TOKEN_PATTERN = /\btp[ar]-[A-Za-z0-9]{16,}/g;

function mask(secret) {
	return `${secret.slice(0, 3)}…(${secret.length} chars)`;
}

/** The secret itself plus the forms it takes in URLs and Basic auth headers. */
function variantsOf(secret) {
	const variants = new Set([secret]);
	const encoded = encodeURIComponent(secret);
	if (encoded !== secret) variants.add(encoded);
	if (secret.length >= 12)
		variants.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
	return [...variants];
}

class SecretSet {
	constructor() {
		this.values = new Map();
		this.tooShort = 0;
	}

	add(secret, origin) {
		if (typeof secret !== 'string') return;
		const value = secret.trim();
		if (value === '') return;
		if (value.length < MIN_SECRET_LENGTH) {
			this.tooShort += 1;
			return;
		}
		if (!this.values.has(value)) this.values.set(value, origin);
	}

	/** Adds `user:secret` as a Basic auth header would carry it. */
	addPair(user, secret, origin) {
		if (typeof user === 'string' && typeof secret === 'string' && user && secret) {
			this.add(
				Buffer.from(`${user}:${secret}`, 'utf8').toString('base64').replace(/=+$/, ''),
				origin,
			);
		}
	}

	get size() {
		return this.values.size;
	}

	/** Every (secret, position) found in `text`, plus token-shaped strings. */
	findIn(text) {
		const hits = [];
		if (typeof text !== 'string' || text === '') return hits;
		for (const [secret, origin] of this.values) {
			for (const variant of variantsOf(secret)) {
				const at = text.indexOf(variant);
				if (at >= 0) hits.push({ label: `${origin} ${mask(secret)}`, at, length: variant.length });
			}
		}
		for (const match of text.matchAll(TOKEN_PATTERN)) {
			hits.push({
				label: `token-shaped string ${mask(match[0])}`,
				at: match.index,
				length: match[0].length,
			});
		}
		return hits;
	}
}

/** A short excerpt around a hit with the secret itself replaced by asterisks. */
function excerpt(text, hit) {
	const before = text.slice(Math.max(0, hit.at - 60), hit.at);
	const after = text.slice(hit.at + hit.length, hit.at + hit.length + 60);
	return `${before}${'*'.repeat(8)}${after}`.replace(/\s+/g, ' ');
}

/** Reads every recorder file in `dir`: `{ entries, secrets }`. */
function readRecords(dir) {
	const entries = [];
	if (!fs.existsSync(dir)) return entries;
	for (const name of fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.jsonl'))
		.sort()) {
		const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
		for (const line of lines) if (line.trim() !== '') entries.push(JSON.parse(line));
	}
	return entries;
}

/**
 * Scans the recorded runs, log lines and console output. `secrets` already holds the fixed ones (emulator
 * seed); every record adds the secrets of the credentials its run used.
 */
function scan({ entries, secrets }) {
	for (const entry of entries)
		for (const value of entry.secrets ?? []) secrets.add(value, 'credential secret');
	const findings = [];
	const counts = { workflow: 0, poll: 0, webhook: 0, log: 0, console: 0, other: 0 };
	for (const entry of entries) {
		if (entry.kind === 'secrets') continue;
		counts[entry.kind in counts ? entry.kind : 'other'] += 1;
		for (const hit of secrets.findIn(entry.text)) {
			findings.push({
				where: `${entry.kind} record`,
				file: entry.file,
				test: entry.test,
				secret: hit.label,
				excerpt: excerpt(entry.text, hit),
			});
		}
	}
	return { findings, counts, secretCount: secrets.size, tooShort: secrets.tooShort };
}

module.exports = { SecretSet, readRecords, scan, variantsOf, MIN_SECRET_LENGTH };
