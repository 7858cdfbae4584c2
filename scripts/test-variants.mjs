#!/usr/bin/env node
// Runs the tests a behaviour variant affects, once per emulator variant (see
// emulator/lib/variants.mjs). The default behaviours run in `npm test`; this covers the others.
// Usage: node scripts/test-variants.mjs [variant ...]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jest = path.join(
	path.dirname(createRequire(import.meta.url).resolve('jest/package.json')),
	'bin/jest.js',
);

/** variant → the test files whose subject it changes. */
export const MATRIX = {
	'links-without-filters': [
		'test/variants/pagination.variants.test.ts',
		'test/Trustpilot/productReview/getAll.test.ts',
		'test/Trustpilot/productReview/get.test.ts',
		'test/Trustpilot/productReview/getSummaries.test.ts',
		'test/Trustpilot/productReview/getSummary.test.ts',
		'test/Trustpilot/productReview/getBatchSummaries.test.ts',
		'test/Trustpilot/productReview/getImportedReviews.test.ts',
		'test/Trustpilot/serviceReview/getAll.test.ts',
		'test/Trustpilot/serviceReview/getLatest.test.ts',
	],
	'reported-flag-ignored': [
		'test/variants/reviewSync.variants.test.ts',
		'test/TrustpilotReviewPollTrigger/poll.test.ts',
	],
	'conversation-exists-400': [
		'test/variants/productReply.variants.test.ts',
		'test/Trustpilot/productReview/reply.test.ts',
		'test/Trustpilot/productReview/getConversation.test.ts',
		'test/Trustpilot/productReview/setConversationState.test.ts',
		'test/Trustpilot/productReview/updateComment.test.ts',
	],
	'conversation-exists-201': [
		'test/variants/productReply.variants.test.ts',
		'test/Trustpilot/productReview/reply.test.ts',
		'test/Trustpilot/productReview/getConversation.test.ts',
		'test/Trustpilot/productReview/setConversationState.test.ts',
		'test/Trustpilot/productReview/updateComment.test.ts',
	],
	'apikey-not-required': [
		'test/Trustpilot/serviceReview/get.test.ts',
		'test/Trustpilot/serviceReview/getLikes.test.ts',
		'test/Trustpilot/serviceReview/getWebLinks.test.ts',
		'test/Trustpilot/businessUserWrites.test.ts',
	],
	'cursor-absent': [
		'test/Trustpilot/businessUnit/find.test.ts',
		'test/Trustpilot/businessUnit/get.test.ts',
		'test/Trustpilot/businessUnit/getAll.test.ts',
		'test/Trustpilot/businessUnit/getCategories.test.ts',
		'test/Trustpilot/businessUnit/getPrivate.test.ts',
		'test/Trustpilot/businessUnit/getProfileInfo.test.ts',
		'test/Trustpilot/businessUnit/getWebLinks.test.ts',
		'test/Trustpilot/businessUnit/search.test.ts',
	],
	'start-exclusive': [
		'test/variants/reviewSync.variants.test.ts',
		'test/TrustpilotReviewPollTrigger/poll.test.ts',
	],
	'webhook-no-basic': ['test/TrustpilotTrigger/callerAuth.test.ts'],
};

const chosen = process.argv.slice(2);
for (const name of chosen) {
	if (!MATRIX[name]) {
		process.stderr.write(`unknown variant ${name}; known: ${Object.keys(MATRIX).join(', ')}\n`);
		process.exit(2);
	}
}
const results = [];
for (const variant of chosen.length ? chosen : Object.keys(MATRIX)) {
	const started = Date.now();
	process.stdout.write(`\n=== variant ${variant}: ${MATRIX[variant].join(' ')}\n`);
	const run = spawnSync(process.execPath, [jest, '--silent', ...MATRIX[variant]], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, TRUSTPILOT_EMULATOR_VARIANTS: variant },
	});
	results.push({
		variant,
		ok: run.status === 0,
		seconds: Math.round((Date.now() - started) / 100) / 10,
	});
}
process.stdout.write('\nvariant matrix:\n');
for (const { variant, ok, seconds } of results)
	process.stdout.write(`  ${ok ? 'PASS' : 'FAIL'}  ${variant} (${seconds}s)\n`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
