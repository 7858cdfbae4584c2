import { readRepoFile } from '../harness/repoFiles.cjs';
import { packageNodeTypes } from '../harness/packageTypes';

// n8n's node panel and its community-node lint (valid-codex-categories, no-ai-codex-category,
// no-codex-subcategories) accept only these top-level categories; AI placement of the action node
// comes from `usableAsTool` (n8n generates the Tool variant with categories AI › Tools itself).
const KNOWN_CATEGORIES = new Set([
	'Analytics',
	'Communication',
	'Data & Storage',
	'Developer Tools',
	'Development',
	'Finance & Accounting',
	'Marketing & Content',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
]);

interface Codex {
	node: string;
	categories: string[];
	subcategories?: unknown;
	alias: string[];
	resources: Record<string, Array<{ url: string; label?: string }>>;
}

const REPO_URL = 'https://github.com/n8n-nodes-trustpilot/n8n-nodes-trustpilot';
const folders: Record<string, string> = {
	'n8n-nodes-trustpilot.trustpilot': 'Trustpilot',
	'n8n-nodes-trustpilot.trustpilotTrigger': 'TrustpilotTrigger',
	'n8n-nodes-trustpilot.trustpilotReviewPollTrigger': 'TrustpilotReviewPollTrigger',
	'n8n-nodes-trustpilot.trustpilotLinkGenerator': 'TrustpilotLinkGenerator',
};

function codexOf(type: string): Codex {
	const folder = folders[type];
	return JSON.parse(readRepoFile(`nodes/${folder}/${folder}.node.json`)) as Codex;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function readmeAnchors(): Set<string> {
	const anchors = new Set<string>();
	for (const line of readRepoFile('README.md').split('\n')) {
		const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
		if (!heading) continue;
		anchors.add(
			heading
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		);
	}
	return anchors;
}

const searchTerms: Record<string, string[]> = {
	'n8n-nodes-trustpilot.trustpilot': [
		'reviews',
		'TrustScore',
		'reputation',
		'invitation',
		'review link',
		'review request',
		'feedback',
	],
	'n8n-nodes-trustpilot.trustpilotTrigger': ['reviews', 'new review', 'TrustScore', 'feedback'],
	'n8n-nodes-trustpilot.trustpilotReviewPollTrigger': [
		'reviews',
		'new review',
		'review sync',
		'feedback',
	],
	'n8n-nodes-trustpilot.trustpilotLinkGenerator': [
		'BGL',
		'review link',
		'review request',
		'invitation',
		'feedback',
	],
};

describe('codex files (what the nodes panel searches and shows)', () => {
	it('exist for every node the package ships, named after the node type', () => {
		expect(Object.keys(folders).sort()).toEqual(Object.keys(packageNodeTypes).sort());
		for (const type of Object.keys(folders)) expect(codexOf(type).node).toBe(type);
	});

	it.each(Object.keys(folders))('%s: aliases cover what users type', (type) => {
		const aliases = codexOf(type).alias.map((alias) => alias.toLowerCase());
		for (const term of searchTerms[type]) expect(aliases).toContain(term.toLowerCase());
		expect(new Set(aliases).size).toBe(aliases.length);
	});

	it.each(Object.keys(folders))(
		'%s: only categories of n8n taxonomy, no AI category, no subcategories',
		(type) => {
			const codex = codexOf(type);
			expect(codex.categories.length).toBeGreaterThan(0);
			for (const category of codex.categories) expect(KNOWN_CATEGORIES.has(category)).toBe(true);
			expect(codex.subcategories).toBeUndefined();
		},
	);

	it.each(Object.keys(folders))(
		'%s: credential and primary docs point at README sections that exist',
		(type) => {
			const { resources } = codexOf(type);
			const anchors = readmeAnchors();
			for (const kind of ['credentialDocumentation', 'primaryDocumentation']) {
				expect(resources[kind]).toHaveLength(1);
				const url = resources[kind][0].url;
				expect(url.startsWith(`${REPO_URL}#`)).toBe(true);
				expect(anchors).toContain(url.split('#')[1]);
			}
			for (const link of resources.generic ?? []) {
				expect(link.label).toBeTruthy();
				if (link.url.startsWith(`${REPO_URL}#`)) expect(anchors).toContain(link.url.split('#')[1]);
				else expect(link.url).toMatch(/^https:\/\/(developers|support)\.trustpilot\.com\//);
			}
		},
	);

	it('the action node is offered to AI agents (n8n then files its Tool variant under AI › Tools)', () => {
		const description = packageNodeTypes['n8n-nodes-trustpilot.trustpilot'].description as {
			usableAsTool?: boolean;
		};
		expect(description.usableAsTool).toBe(true);
	});
});
