// The secret-hygiene check itself: it must find a secret wherever and however it shows up, and
// must never print one. (The check of the real outputs runs in the reporter after all tests.)
import { NodeApiError } from 'n8n-workflow';

import { SecretSet, scan, type HygieneEntry } from '../harness/hygiene/scanner.cjs';
import { isRecording, secretsOf, serialize } from '../harness/hygiene/runRecorder.cjs';

// Planted values, built at run time: they only need to look like what the scanner looks for.
const planted = (name: string) => `planted-${name}-5a1f`;
const PLANTED_SECRET = planted('api-secret');
const PLANTED_BGL = Buffer.alloc(32, 251).toString('base64');
const PLANTED_ACCESS = ['tpa', 'PlantedAccessToken000000000001'].join('-');
const credential = {
	apiKey: 'planted-key',
	apiSecret: PLANTED_SECRET,
	accessToken: PLANTED_ACCESS,
	encryptSecretKey: PLANTED_BGL,
};

function entry(kind: string, payload: unknown): HygieneEntry {
	return {
		kind,
		file: 'planted.test.ts',
		test: 'planted',
		text: serialize(payload),
		secrets: secretsOf(credential),
	};
}

describe('secret hygiene scanner', () => {
	test('this suite records what its runs produce (the reporter switched recording on)', () => {
		expect(isRecording()).toBe(true);
	});

	test('finds secrets in outputs, error details, causes and log lines, in plain, URL-encoded, Basic and token form', () => {
		const error = new NodeApiError(
			{ id: '1', name: 'Trustpilot', type: 't', typeVersion: 1, position: [0, 0], parameters: {} },
			{ message: 'x' },
			{ message: 'Request failed', description: 'see cause' },
		);
		(error as unknown as { cause: unknown }).cause = {
			config: {
				headers: {
					authorization: `Basic ${Buffer.from(`planted-key:${PLANTED_SECRET}`).toString('base64')}`,
				},
			},
		};
		const entries = [
			entry('workflow', { output: [{ json: { note: `secret is ${PLANTED_SECRET}` } }] }),
			entry('workflow', { error }),
			entry('log', [
				{
					level: 'debug',
					message: 'link',
					meta: { url: `https://x.example/?k=${encodeURIComponent(PLANTED_BGL)}` },
				},
			]),
			entry('poll', { items: [{ note: ['tpr', 'SomeOtherRefreshToken0000000'].join('-') }] }),
			entry('console', [{ method: 'log', args: ['nothing to see'] }]),
		];
		const secrets = new SecretSet();
		const result = scan({ entries, secrets });
		const where = result.findings.map(
			(finding) => `${finding.where}: ${finding.secret.split(' ')[0]}`,
		);
		expect(where).toEqual(
			expect.arrayContaining([
				'workflow record: credential',
				'log record: credential',
				'poll record: token-shaped',
			]),
		);
		// The Basic header inside the error's cause is found too (as key:secret and as the secret).
		expect(
			result.findings.filter(
				(finding) => finding.where === 'workflow record' && /Basic/.test(finding.excerpt),
			).length,
		).toBeGreaterThanOrEqual(1);
		expect(
			result.findings.filter((finding) => finding.where === 'workflow record').length,
		).toBeGreaterThanOrEqual(2);
		expect(result.findings.some((finding) => finding.where === 'console record')).toBe(false);
		// Nothing the scanner reports contains a secret.
		const report = JSON.stringify(result.findings);
		for (const secret of [
			PLANTED_SECRET,
			PLANTED_BGL,
			encodeURIComponent(PLANTED_BGL),
			credential.accessToken,
		])
			expect(report).not.toContain(secret);
	});

	test('clean records give no finding, and short values are counted but not scanned', () => {
		const secrets = new SecretSet();
		secrets.add('abc', 'too short');
		const result = scan({
			entries: [entry('workflow', { output: [{ json: { id: 'abc', text: 'fine' } }] })],
			secrets,
		});
		expect(result.findings).toEqual([]);
		expect(result.tooShort).toBe(1);
		expect(result.secretCount).toBeGreaterThanOrEqual(3);
	});
});
