// `npm run screenshots`: drives the real n8n editor (the `npm start` demo) in headless Chromium and
// saves the README pictures into docs/. Reuses a demo already serving on port 5678, otherwise
// starts one and stops it again afterwards. Needs Debian's Chromium (apt-get install chromium);
// playwright-core only drives it, it never downloads a browser.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { DEMO_OWNER } from './n8n/owner.mjs';
import { instanceDir, REPO_ROOT } from './n8n/paths.mjs';
import { DEMO_CREDENTIALS } from './n8n/workflows.mjs';

const EDITOR_URL = 'http://127.0.0.1:5678';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DOCS_DIR = path.join(REPO_ROOT, 'docs');
const VIEWPORT = { width: 1440, height: 900 };
// Larger files bloat the repository and the README; every picture is checked against this.
const MAX_PNG_BYTES = 400 * 1024;
// n8n's nodes panel merges "Trustpilot" and "Trustpilot Trigger" into one app entry and drops the
// "Trigger" suffix of the poll trigger, so the four nodes show up as these three entries.
const PANEL_ENTRIES = ['Trustpilot', 'Trustpilot Link Generator', 'Trustpilot Review Poll'];
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const say = (message) => process.stdout.write(`[screenshots] ${message}\n`);

async function editorIsUp() {
	try {
		return (await fetch(`${EDITOR_URL}/healthz`)).ok;
	} catch {
		return false;
	}
}

/** Starts `npm start`'s script and resolves once it prints that the editor is ready. */
function startDemo() {
	say('No editor on port 5678; starting the demo (first run installs n8n, that takes minutes) …');
	const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.mjs')], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const ready = new Promise((resolve, reject) => {
		let output = '';
		child.stdout.on('data', (chunk) => {
			process.stdout.write(chunk);
			output += chunk;
			if (/ is ready in /.test(output) && /Ctrl-C stops/.test(output)) resolve();
		});
		exited.then((code) => reject(new Error(`The demo exited (${code}) before it was ready`)));
	});
	const stop = async () => {
		if (child.exitCode !== null) return;
		child.kill('SIGINT'); // what Ctrl-C does: start.mjs then stops n8n, emulator and mail catcher
		await exited;
	};
	return { ready, stop };
}

async function logIn(context) {
	const response = await context.request.post(`${EDITOR_URL}/rest/login`, {
		data: { emailOrLdapLoginId: DEMO_OWNER.email, password: DEMO_OWNER.password },
	});
	if (!response.ok()) {
		throw new Error(
			`Login as ${DEMO_OWNER.email} answered ${response.status()}: is this the demo?`,
		);
	}
}

/** Hides toasts and closes any modal n8n opens on its own (surveys, announcements). */
async function tidyUp(page) {
	await page.addStyleTag({ content: '.el-notification { display: none !important; }' });
	for (let attempt = 0; attempt < 3; attempt++) {
		const modal = page.locator('.el-overlay-dialog:visible, .el-overlay-message-box:visible');
		if ((await modal.count()) === 0) return;
		const close = modal.first().locator('.el-dialog__headerbtn, .el-message-box__headerbtn');
		if (await close.count()) await close.first().click();
		else await page.keyboard.press('Escape');
		await page.waitForTimeout(400);
	}
}

async function openEditor(page, route) {
	await page.goto(`${EDITOR_URL}${route}`);
	await page.locator('[data-test-id="canvas-wrapper"]').waitFor();
	if (page.url().includes('/signin')) throw new Error('The editor shows its login page');
	await tidyUp(page);
	// Park the pointer where it highlights nothing (hover states would end up in the picture).
	await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height / 2);
}

async function savePng(page, name, clip) {
	const file = path.join(DOCS_DIR, name);
	await page.screenshot({ path: file, clip, animations: 'disabled' });
	const bytes = fs.statSync(file).size;
	say(`${path.relative(REPO_ROOT, file)}: ${(bytes / 1024).toFixed(0)} KB`);
	if (bytes > MAX_PNG_BYTES) throw new Error(`${name} is larger than ${MAX_PNG_BYTES / 1024} KB`);
}

/** The nodes panel area from its top down to just below `lastElement`. */
async function panelClip(panel, lastElement) {
	const box = await panel.boundingBox();
	const last = await lastElement.boundingBox();
	return { x: box.x, y: box.y, width: box.width, height: last.y + last.height + 16 - box.y };
}

/**
 * docs/nodes-panel.png: the search for "Trustpilot" next to the opened "Trustpilot" entry, whose
 * triggers are the Trustpilot Trigger's events — together every node of the package.
 */
async function shootNodesPanel(page) {
	await openEditor(page, '/workflow/new');
	await page.locator('[data-test-id="canvas-add-button"]').click();
	const panel = page.locator('[data-test-id="node-creator"]');
	await panel.waitFor();
	await panel.locator('input[data-test-id="node-creator-search-bar"]').fill('Trustpilot');
	const names = panel.locator('[data-test-id="node-creator-item-name"]');
	const entry = (name) => names.filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) });
	for (const name of PANEL_ENTRIES) {
		await entry(name)
			.waitFor({ timeout: 10_000 })
			.catch(async () => {
				throw new Error(`The nodes panel lacks "${name}"; it shows ${await names.allInnerTexts()}`);
			});
	}
	const search = await page.screenshot({
		clip: await panelClip(panel, panel.locator('[data-test-id="item-iterator-item"]').last()),
	});

	await entry('Trustpilot').click();
	const actionsHeader = panel.getByText(/^Actions \(\d+\)$/);
	await panel.getByText(/^Triggers \(\d+\)$/).waitFor();
	await actionsHeader.waitFor();
	await page.waitForTimeout(500); // the panel slides in
	const details = await page.screenshot({ clip: await panelClip(panel, actionsHeader) });
	await composeSideBySide(page, [search, details], 'nodes-panel.png');
}

/** Lays PNG buffers out next to each other on an empty page and saves that as one picture. */
async function composeSideBySide(page, pngs, name) {
	const images = pngs
		.map((png) => `<img src="data:image/png;base64,${png.toString('base64')}">`)
		.join('');
	await page.setContent(
		`<body style="margin:0"><div id="sheet" style="display:inline-flex;gap:24px;align-items:flex-start;` +
			`padding:24px;background:#f5f5f5">${images}</div>` +
			'<style>img{border:1px solid #dcdfe6;border-radius:8px;box-shadow:0 2px 8px #0001}</style></body>',
	);
	await page.locator('#sheet img').last().waitFor();
	await savePng(page, name, await page.locator('#sheet').boundingBox());
}

/** A throw-away workflow with the action node configured as a typical review export. */
function nodeShowcaseWorkflow() {
	const demo = JSON.parse(fs.readFileSync(path.join(instanceDir('demo'), 'demo.json'), 'utf8'));
	const unit = demo.mainBusinessUnit;
	const trigger = 'When clicking ‘Execute workflow’';
	return {
		name: 'Screenshot: Trustpilot node (temporary)',
		settings: { executionOrder: 'v1' },
		connections: { [trigger]: { main: [[{ node: 'Get many reviews', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: 'c0b8a1e2-6a53-4d6e-9c1f-3f0a2b7d5e11',
				name: trigger,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '5e2d7c40-1b9f-4a8e-b6d3-8c4f0e9a7b22',
				name: 'Get many reviews',
				type: 'n8n-nodes-trustpilot.trustpilot',
				typeVersion: 1,
				position: [260, 0],
				parameters: {
					resource: 'serviceReview',
					operation: 'getAll',
					businessUnit: {
						__rl: true,
						mode: 'list',
						value: unit.id,
						cachedResultName: `${unit.displayName} (${unit.domain})`,
					},
					returnAll: false,
					limit: 50,
					simplify: true,
					filters: { stars: [1, 2], language: 'en' },
				},
				credentials: { trustpilotApi: DEMO_CREDENTIALS.trustpilotApi },
			},
		],
	};
}

/** docs/trustpilot-node.png: the action node's parameters, tall enough to show every field. */
async function shootActionNode(page) {
	const rest = (method, route, data) =>
		page.request.fetch(`${EDITOR_URL}/rest${route}`, {
			method,
			data,
			headers: { 'browser-id': 'n8n-nodes-trustpilot-screenshots' },
		});
	const created = await rest('POST', '/workflows', nodeShowcaseWorkflow());
	if (!created.ok()) throw new Error(`Creating the workflow answered ${created.status()}`);
	const { id } = (await created.json()).data;
	try {
		await openEditor(page, `/workflow/${id}`);
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Get many reviews' }).dblclick();
		const parameters = page.locator('[data-test-id="node-parameters"]');
		await parameters.locator('[data-test-id="parameter-input-stars"]').waitFor();
		await page.waitForTimeout(1000); // resource locator and credential settle
		// Grow the window by what the parameter pane would otherwise scroll.
		const hidden = await parameters.evaluate((element) => {
			for (let node = element; node; node = node.parentElement) {
				if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) {
					return node.scrollHeight - node.clientHeight;
				}
			}
			return 0;
		});
		await page.setViewportSize({ ...VIEWPORT, height: VIEWPORT.height + Math.min(hidden, 700) });
		await page.mouse.move(VIEWPORT.width - 2, 5);
		await page.waitForTimeout(500);
		await savePng(page, 'trustpilot-node.png');
	} finally {
		await page.setViewportSize(VIEWPORT);
		await rest('POST', `/workflows/${id}/archive`); // n8n deletes archived workflows only
		const deleted = await rest('DELETE', `/workflows/${id}`);
		if (!deleted.ok()) say(`Could not delete the temporary workflow ${id} (${deleted.status()})`);
	}
}

/** docs/review-sync-workflow.png: the canvas of demo workflow 01. */
async function shootReviewSyncWorkflow(page) {
	await openEditor(page, '/workflow/TpDemoWorkflow01');
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height / 2);
	await page.waitForTimeout(800); // the zoom animates
	await savePng(page, 'review-sync-workflow.png');
}

async function main() {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
	}
	const demo = (await editorIsUp()) ? undefined : startDemo();
	// Ctrl-C reaches the demo too; a signal sent to this process alone must not orphan it.
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, async () => {
			await demo?.stop();
			process.exit(130);
		});
	}
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-screenshots-'));
	let context;
	try {
		await demo?.ready;
		fs.mkdirSync(DOCS_DIR, { recursive: true });
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: VIEWPORT,
			locale: 'en-US',
			colorScheme: 'light',
		});
		context.setDefaultTimeout(30_000);
		await logIn(context);
		const page = context.pages()[0] ?? (await context.newPage());
		await shootNodesPanel(page);
		await shootActionNode(page);
		await shootReviewSyncWorkflow(page);
	} finally {
		await context?.close();
		fs.rmSync(profile, { recursive: true, force: true });
		await demo?.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`\n[screenshots] ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
