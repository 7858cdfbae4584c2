// The instance owner (the login the demo prints) and a public-API key for the scripts and tests.
// n8n shows an API key only once, so it is kept in the instance folder for later runs.
import fs from 'node:fs';
import path from 'node:path';

import { sleep } from './process.mjs';

export const DEMO_OWNER = {
	email: 'demo@example.com',
	password: 'Trustpilot-Demo-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};

function cookieFrom(response) {
	const cookies = response.headers.getSetCookie?.() ?? [];
	const auth = cookies
		.map((cookie) => cookie.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!auth) throw new Error(`n8n answered ${response.status} without a session cookie`);
	return auth;
}

async function postJson(url, body, headers = {}) {
	return fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
}

/** Creates the owner on a fresh instance, or logs in on a set-up one; returns a session cookie. */
export async function ensureOwnerSession(instance, owner = DEMO_OWNER) {
	// n8n 1.x answers /healthz/readiness before its REST routes exist; they 404 for a few seconds.
	const deadline = Date.now() + 60000;
	let setup;
	let login;
	do {
		setup = await postJson(`${instance.baseUrl}/rest/owner/setup`, owner);
		if (setup.ok) return cookieFrom(setup);
		login = await postJson(`${instance.baseUrl}/rest/login`, {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (login.status !== 404 || setup.status !== 404) break;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	} while (Date.now() < deadline);
	if (!login.ok) {
		throw new Error(
			`Owner setup answered ${setup.status} and login ${login.status}: ${await login.text()}`,
		);
	}
	return cookieFrom(login);
}

/** Authenticated call to n8n's internal REST API (what the editor uses); returns `data`. */
export async function restRequest(instance, cookie, method, route, body) {
	const response = await fetch(`${instance.baseUrl}/rest${route}`, {
		method,
		headers: {
			cookie,
			'content-type': 'application/json',
			'browser-id': 'n8n-nodes-trustpilot-scripts',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} /rest${route} → ${response.status}: ${text.slice(0, 500)}`);
	return text ? (JSON.parse(text).data ?? JSON.parse(text)) : undefined;
}

/** Calls the public API (`/api/v1`) with the instance's API key; returns the parsed body. */
export async function publicApi(instance, method, route, body, { allowStatus = [] } = {}) {
	const request = () =>
		fetch(`${instance.baseUrl}/api/v1${route}`, {
			method,
			headers: {
				'x-n8n-api-key': instance.apiKey,
				'content-type': 'application/json',
				accept: 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	let response;
	try {
		response = await request();
	} catch (error) {
		// A kept-alive socket that n8n closed while idle fails the next fetch before anything is sent
		// ("fetch failed", seen once in CI on a loaded machine). Only a GET is asked again: it changes nothing.
		if (method !== 'GET') throw error;
		await sleep(500);
		response = await request();
	}
	const text = await response.text();
	if (!response.ok && !allowStatus.includes(response.status)) {
		throw new Error(`${method} /api/v1${route} → ${response.status}: ${text.slice(0, 500)}`);
	}
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Reuses the stored API key when it still works, otherwise creates one with every owner scope. */
export async function ensureApiKey(instance, cookie) {
	const keyFile = path.join(instance.dir, 'api-key.json');
	try {
		instance.apiKey = JSON.parse(fs.readFileSync(keyFile, 'utf8')).apiKey;
		const check = await publicApi(instance, 'GET', '/workflows?limit=1', undefined, {
			allowStatus: [401, 403],
		});
		if (check.status === 200) return instance.apiKey;
	} catch {
		// no usable stored key
	}
	const scopes = await restRequest(instance, cookie, 'GET', '/api-keys/scopes');
	const created = await restRequest(instance, cookie, 'POST', '/api-keys', {
		label: `scripts ${new Date().toISOString().slice(0, 19)}`,
		scopes,
		expiresAt: null,
	});
	instance.apiKey = created.rawApiKey;
	fs.writeFileSync(keyFile, `${JSON.stringify({ apiKey: instance.apiKey }, null, 2)}\n`, {
		mode: 0o600,
	});
	return instance.apiKey;
}
