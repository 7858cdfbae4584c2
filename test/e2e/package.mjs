// The package as n8n sees it after a user-style install: every node and credential registered in
// package.json loads under the published `n8n-nodes-trustpilot.*` names, the tarball ships only
// the build, and every demo workflow in examples/ refers to node types n8n knows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

import { PACKAGE_NAME } from '../../scripts/n8n/package.mjs';
import { editorAssetsDir } from '../../scripts/n8n/instance.mjs';
import { REPO_ROOT } from '../../scripts/n8n/paths.mjs';
import { ctx, missingNodeTypesOf } from './context.mjs';

const requireFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

/** `description.name` / `name` of each compiled class file listed in package.json. */
function declaredNames(files, nameOf) {
	return files.map((file) => {
		const exported = requireFromRepo(path.join(REPO_ROOT, file));
		const Type = Object.values(exported).find((value) => typeof value === 'function');
		return nameOf(new Type());
	});
}

export function packageTests() {
	test('n8n loads every node the package registers, as n8n-nodes-trustpilot.<name>', () => {
		const expected = declaredNames(manifest.n8n.nodes, (node) => node.description.name);
		assert.ok(expected.length > 0, 'package.json registers no nodes');
		const loaded = [...ctx.stack.loadedNodeTypes.keys()].filter((name) =>
			name.startsWith(`${PACKAGE_NAME}.`),
		);
		for (const name of expected)
			assert.ok(
				loaded.includes(`${PACKAGE_NAME}.${name}`),
				`${PACKAGE_NAME}.${name} not loaded; loaded: ${loaded.join(', ')}`,
			);
		for (const name of expected) {
			const description = ctx.stack.loadedNodeTypes.get(`${PACKAGE_NAME}.${name}`);
			assert.ok(description.icon || description.iconUrl, `${name} has no icon in n8n`);
		}
	});

	test('the nodes panel gets the codex: search aliases, and the AI tool filed under AI › Tools', () => {
		for (const name of declaredNames(manifest.n8n.nodes, (node) => node.description.name)) {
			const codex = ctx.stack.loadedNodeTypes.get(`${PACKAGE_NAME}.${name}`)?.codex;
			assert.ok(
				codex?.alias?.length > 0,
				`${name} has no search aliases in n8n: ${JSON.stringify(codex)}`,
			);
		}
		const tool = ctx.stack.loadedNodeTypes.get(`${PACKAGE_NAME}.trustpilotTool`)?.codex;
		assert.deepEqual(tool?.categories, ['AI']);
		assert.ok(tool?.subcategories?.AI?.includes('Tools'), JSON.stringify(tool));
		assert.ok(tool?.alias?.includes('TrustScore'), JSON.stringify(tool));
	});

	test('n8n loads every credential type the package registers', async () => {
		const expected = declaredNames(manifest.n8n.credentials, (credential) => credential.name);
		const response = await fetch(`${ctx.stack.instance.baseUrl}/types/credentials.json`, {
			headers: { cookie: ctx.stack.cookie },
		});
		const loaded = new Set((await response.json()).map((type) => type.name));
		for (const name of expected) assert.ok(loaded.has(name), `credential type ${name} not loaded`);
	});

	test('the installed tarball holds only the build, README, LICENSE and package.json', () => {
		const installed = path.join(
			ctx.stack.instance.dir,
			'.n8n',
			'nodes',
			'node_modules',
			PACKAGE_NAME,
		);
		const topLevel = fs.readdirSync(installed).sort();
		const allowed = /^(dist|package\.json|README(\.md)?|LICENSE(\.md)?)$/i;
		assert.deepEqual(
			topLevel.filter((entry) => !allowed.test(entry)),
			[],
			`unexpected entries: ${topLevel.join(', ')}`,
		);
		assert.ok(topLevel.includes('dist'));
	});

	test('examples/ holds the six demo workflows, each using only node types n8n loaded', () => {
		const numbers = ctx.stack.workflows.map((workflow) => workflow.fileName.slice(0, 2));
		assert.deepEqual(
			['01', '02', '03', '04', '05', '06'].filter((number) => !numbers.includes(number)),
			[],
			'missing demo workflows',
		);
		for (const workflow of ctx.stack.workflows) {
			assert.deepEqual(
				missingNodeTypesOf(workflow),
				[],
				`${workflow.fileName} uses unknown node types`,
			);
		}
	});

	test('every trigger workflow in examples/ is published', () => {
		const failures = ctx.stack.published.filter((outcome) => !outcome.ok);
		assert.deepEqual(failures, []);
		assert.ok(ctx.stack.published.length > 0, 'no trigger workflow to publish');
	});

	test("n8n's editor bundle is written outside the repository, so npm run lint does not read it", async () => {
		const { dir, baseUrl } = ctx.stack.instance;
		const written = fs.realpathSync(path.join(dir, '.cache', 'n8n', 'public'));
		assert.equal(written, fs.realpathSync(path.join(editorAssetsDir(dir), 'n8n', 'public')));
		assert.ok(!written.startsWith(REPO_ROOT + path.sep), `${written} is inside the repository`);
		const bundles = fs
			.readdirSync(path.join(written, 'assets'))
			.filter((file) => file.endsWith('.js'));
		assert.ok(bundles.length > 100, `only ${bundles.length} editor bundles in ${written}`);
		// n8n still serves its editor from there.
		const page = await fetch(`${baseUrl}/`);
		assert.equal(page.status, 200);
		assert.match(await page.text(), /<html/i);
	});
}
