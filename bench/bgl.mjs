// Business Generated Links per second: the Link Generator node through n8n's engine (one
// execution, one item per customer, fields from expressions as in a real workflow) versus a bare
// loop doing the same work with node:crypto (JSON, AES-256-CBC, HMAC-SHA256, base64, URL).
import crypto from 'node:crypto';

import { loadBuilt } from './build.mjs';

function customers(count) {
	return Array.from({ length: count }, (_value, index) => ({
		email: `customer.${index}@mail.example.net`,
		name: `Customer ${index} Ærø`,
		ref: `ORDER-${100000 + index}`,
	}));
}

function bareLinks(people, domain, encryptKey, authKey) {
	const began = performance.now();
	const links = [];
	for (const person of people) {
		// Keys decoded per link, as the node does (it validates them each time).
		const key = Buffer.from(encryptKey, 'base64');
		const mac = Buffer.from(authKey, 'base64');
		const iv = crypto.randomBytes(16);
		const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
		const body = Buffer.concat([
			iv,
			cipher.update(
				JSON.stringify({ email: person.email, name: person.name, ref: person.ref }),
				'utf8',
			),
			cipher.final(),
		]);
		const tag = crypto.createHmac('sha256', mac).update(body).digest();
		links.push(
			`https://www.trustpilot.com/evaluate-bgl/${domain}?p=${encodeURIComponent(Buffer.concat([body, tag]).toString('base64'))}`,
		);
	}
	return { ms: performance.now() - began, links: links.length };
}

async function engineLinks(engine, people, credential, parameters) {
	const began = performance.now();
	const run = await engine.runNode(
		{ type: 'trustpilotLinkGenerator', parameters, credentials: credential.credentials },
		people,
		credential.store,
	);
	if (run.error) throw run.error;
	return { ms: performance.now() - began, links: run.output.length };
}

export async function benchBgl(info, { links = 20000 } = {}) {
	const engine = await loadBuilt('test/harness/engine.js');
	const store = new engine.CredentialStore();
	const ref = store.add({
		id: 'bench-bgl',
		name: 'BGL (bench)',
		type: 'trustpilotBusinessLinksApi',
		data: {
			domain: info.bgl.domain,
			encryptSecretKey: info.bgl.encryptKey,
			authSecretKey: info.bgl.authKey,
		},
	});
	const credential = { store, credentials: { trustpilotBusinessLinksApi: ref } };
	const people = customers(links);
	const fromItems = {
		operation: 'generate',
		email: '={{ $json.email }}',
		name: '={{ $json.name }}',
		referenceNumber: '={{ $json.ref }}',
	};
	const fixed = {
		operation: 'generate',
		email: 'customer@mail.example.net',
		name: 'Customer Ærø',
		referenceNumber: 'ORDER-1',
	};

	// Warm up both (JIT, the engine's module loading), then alternate and keep the best of two.
	bareLinks(people.slice(0, 2000), info.bgl.domain, info.bgl.encryptKey, info.bgl.authKey);
	await engineLinks(engine, people.slice(0, 2000), credential, fromItems);
	const runs = { bare: [], expressions: [], fixed: [] };
	for (let round = 0; round < 2; round++) {
		runs.bare.push(bareLinks(people, info.bgl.domain, info.bgl.encryptKey, info.bgl.authKey));
		runs.expressions.push(await engineLinks(engine, people, credential, fromItems));
		runs.fixed.push(await engineLinks(engine, people, credential, fixed));
	}
	const perSecond = (list) => Math.max(...list.map((run) => (run.links / run.ms) * 1000));
	return {
		links,
		bare: perSecond(runs.bare),
		engineWithExpressions: perSecond(runs.expressions),
		engineFixedFields: perSecond(runs.fixed),
	};
}
