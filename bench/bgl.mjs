// Business Generated Links per second: the Link Generator node through n8n's engine (one
// execution, one item per customer, fields from expressions as in a real workflow) versus a bare
// loop doing the same work with node:crypto (JSON, AES-256-CBC, HMAC-SHA256, base64, URL).
// n8n's own share: a pass-through node and a Set-like node (reads the same three fields per item,
// no crypto) through the same engine with the same items, side by side.
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

const PASS_THROUGH = 'bench.passThrough';
const SET_FIELDS = 'bench.setFields';
const benchNode = (name, properties, execute) => ({
	description: {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name },
		inputs: ['main'],
		outputs: ['main'],
		properties,
	},
	execute,
});
const field = (name) => ({ displayName: name, name, type: 'string', default: '' });
/** Baselines for n8n's own cost: the engine with nothing to do, and with the parameter reads. */
const BASELINE_TYPES = {
	[PASS_THROUGH]: benchNode('passThrough', [], async function () {
		return [this.getInputData()];
	}),
	[SET_FIELDS]: benchNode(
		'setFields',
		[field('email'), field('name'), field('referenceNumber')],
		async function () {
			const items = this.getInputData();
			const output = [];
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				output.push({
					json: {
						email: this.getNodeParameter('email', itemIndex),
						name: this.getNodeParameter('name', itemIndex),
						referenceNumber: this.getNodeParameter('referenceNumber', itemIndex),
					},
					pairedItem: { item: itemIndex },
				});
			}
			return [output];
		},
	),
};

/** One execution: the test trigger emitting `people`, then the node of `type`. */
async function engineRun(engine, testNodes, people, credential, type, parameters) {
	const began = performance.now();
	const result = await engine.runWorkflow({
		credentials: credential.store,
		nodeTypes: BASELINE_TYPES,
		workflow: {
			nodes: [
				{
					name: 'Start',
					type: testNodes.TEST_TRIGGER_TYPE,
					parameters: { items: JSON.stringify(people) },
				},
				{ name: 'Node', type, parameters, credentials: credential.credentials },
			],
			connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
		},
	});
	const ms = performance.now() - began;
	if (result.error) throw result.error;
	const output = result.items('Node');
	if (output.length !== people.length) throw new Error(`${type}: ${output.length} items out`);
	return { ms, links: output.length };
}

export async function benchBgl(info, { links = 20000 } = {}) {
	const engine = await loadBuilt('test/harness/engine.js');
	const testNodes = await loadBuilt('test/harness/testNodes.js');
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

	const linkGenerator = `${engine.PACKAGE_PREFIX}.trustpilotLinkGenerator`;
	const withoutOperation = ({ email, name, referenceNumber }) => ({ email, name, referenceNumber });
	const sides = {
		expressions: [linkGenerator, fromItems],
		fixed: [linkGenerator, fixed],
		passThrough: [PASS_THROUGH, {}],
		setWithExpressions: [SET_FIELDS, withoutOperation(fromItems)],
		setFixed: [SET_FIELDS, withoutOperation(fixed)],
	};
	const run = (side, list) => engineRun(engine, testNodes, list, credential, ...sides[side]);

	// Warm up everything (JIT, the engine's module loading), then alternate and keep the best of three.
	bareLinks(people.slice(0, 2000), info.bgl.domain, info.bgl.encryptKey, info.bgl.authKey);
	for (const side of Object.keys(sides)) await run(side, people.slice(0, 2000));
	const runs = { bare: [], ...Object.fromEntries(Object.keys(sides).map((side) => [side, []])) };
	for (let round = 0; round < 3; round++) {
		runs.bare.push(bareLinks(people, info.bgl.domain, info.bgl.encryptKey, info.bgl.authKey));
		for (const side of Object.keys(sides)) runs[side].push(await run(side, people));
	}
	const perSecond = (list) => Math.max(...list.map((one) => (one.links / one.ms) * 1000));
	const microsPerItem = (list) => 1e6 / perSecond(list);
	const perItem = Object.fromEntries(
		Object.entries(runs).map(([side, list]) => [side, microsPerItem(list)]),
	);
	return {
		links,
		bare: perSecond(runs.bare),
		engineWithExpressions: perSecond(runs.expressions),
		engineFixedFields: perSecond(runs.fixed),
		/** µs per item of each side; n8n's share = the baseline node's time over the Link Generator's. */
		microsPerItem: perItem,
		n8nShareFixed: perItem.passThrough / perItem.fixed,
		n8nShareExpressions: perItem.setWithExpressions / perItem.expressions,
	};
}
