// Issue 13's drift bug, fixed in the one shared parser (nodes/shared/validate.ts) that the
// invitation fields, the review-list filters and the poll trigger's Start Date all use: a date
// without a zone means UTC, whatever TZ the n8n server runs in. The parser runs in child
// processes under TZ=Europe/Berlin and TZ=America/Los_Angeles (and UTC) and must agree.
import { parseUnderTimeZone } from '../harness/tzRunner.cjs';

const CASES: Array<[string, string]> = [
	['2024-05-01 09:30:00', '2024-05-01T09:30:00.000Z'],
	['2024-05-01T09:30:00', '2024-05-01T09:30:00.000Z'],
	['2024-05-01T09:30', '2024-05-01T09:30:00.000Z'],
	['2024-05-01', '2024-05-01T00:00:00.000Z'],
	['2024-01-15T23:59:59.250', '2024-01-15T23:59:59.250Z'],
	['2024-05-01T09:30:00Z', '2024-05-01T09:30:00.000Z'],
	['2024-05-01T11:30:00+02:00', '2024-05-01T09:30:00.000Z'],
	['2024-05-01T02:30:00-0700', '2024-05-01T09:30:00.000Z'],
	// Days on which Berlin and Los Angeles change their clocks.
	['2024-03-31 02:30:00', '2024-03-31T02:30:00.000Z'],
	['2024-03-10 02:30:00', '2024-03-10T02:30:00.000Z'],
	['2024-02-29', '2024-02-29T00:00:00.000Z'],
];
const INVALID = ['2024-02-30', '2023-02-29', '2024-06-31', '1714556400', 'yesterday', '2024-13-01'];

describe.each(['Europe/Berlin', 'America/Los_Angeles', 'UTC'])('under TZ=%s', (tz) => {
	test('zone-less dates mean UTC, offsets are honoured, impossible dates are errors', () => {
		const { offsetMinutes, results } = parseUnderTimeZone(tz, [
			...CASES.map(([input]) => input),
			...INVALID,
		]);
		// The child really ran in that zone (Berlin is UTC+2 and Los Angeles UTC-7 on 1 May).
		expect(offsetMinutes).toBe({ 'Europe/Berlin': -120, 'America/Los_Angeles': 420, UTC: 0 }[tz]);
		expect(results.slice(0, CASES.length)).toEqual(CASES.map(([, expected]) => expected));
		for (const result of results.slice(CASES.length)) {
			expect(result).toMatch(/^error: Date: ".*" is not a (calendar date|date)/);
		}
	});
});
