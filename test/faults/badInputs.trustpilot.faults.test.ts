// Bad inputs on every resource of the Trustpilot node: malformed ids, emails, dates, locales,
// tags with spaces, empty strings, 10,000-character texts, non-Latin text. Each must give a
// clear item-level error naming the field; with continueOnFail the other items go through.
import { trustpilotCredential, useEmulator, type TestCredential } from '../harness/fixtures';
import { TRUSTPILOT_CASES, type World } from './support/badInputCases';
import { buildWorld, checkCase, type BadInputFinding } from './support/badInputRunner';
import { reportMetrics } from './support/report.cjs';

const fixture = useEmulator({ resetBeforeEach: false });
const findings: BadInputFinding[] = [];
let world: World;
const credentials: Partial<Record<string, TestCredential>> = {};

beforeAll(async () => {
	await fixture.client.reset();
	world = await buildWorld(fixture);
	credentials.apiKey = await trustpilotCredential(fixture, 'apiKey');
	credentials.clientCredentials = await trustpilotCredential(fixture, 'clientCredentials');
});

afterAll(() => {
	reportMetrics('bad-inputs-trustpilot', {
		values: findings.length,
		rejectedBeforeSending: findings.filter((finding) => finding.requests === 0).length,
		fieldNamedInMessage: findings.filter((finding) => finding.namedInMessage).length,
		checkedByTrustpilotOnly: findings
			.filter((finding) => finding.requests > 0)
			.map((finding) => `${finding.case}: ${finding.why}`),
		fieldOnlyInDetails: findings
			.filter((finding) => !finding.namedInMessage)
			.map((finding) => `${finding.case}: ${finding.why}`),
	});
});

describe('bad inputs on the Trustpilot node', () => {
	for (const testCase of TRUSTPILOT_CASES) {
		test(testCase.name, async () => {
			const { problems, findings: found } = await checkCase(
				fixture,
				credentials[testCase.mode]!,
				testCase,
				world,
			);
			findings.push(...found);
			expect(problems).toEqual([]);
		});
	}
});
