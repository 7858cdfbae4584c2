// The package's one date parser (nodes/shared/validate.ts parseUtcDate), in the test process's
// own zone. `npm run test:tz` runs this file under TZ=Europe/Berlin and TZ=America/Los_Angeles
// (CI does too), so "a date without a zone means UTC" is checked where local time differs.
import type { INode } from 'n8n-workflow';

import {
	parseUtcDate,
	toTrustpilotDateTime,
	utcTimestampMs,
	type NodeContext,
} from '../../nodes/shared/validate';

const ctx: NodeContext = {
	getNode: () =>
		({
			id: 'n1',
			name: 'Trustpilot',
			type: 't',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}) as INode,
};
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function parsed(value: unknown): string {
	return parseUtcDate(ctx, 0, 'Date', value).toISOString();
}

function failure(value: unknown): string {
	try {
		parseUtcDate(ctx, 0, 'Date', value);
	} catch (error) {
		return (error as Error).message;
	}
	return 'no error';
}

describe(`parseUtcDate in this process's zone (${zone})`, () => {
	test.each([
		['2024-05-01 09:30:00', '2024-05-01T09:30:00.000Z'],
		['2024-05-01T09:30:00', '2024-05-01T09:30:00.000Z'],
		['2024-05-01T09:30', '2024-05-01T09:30:00.000Z'],
		['2024-05-01', '2024-05-01T00:00:00.000Z'],
		['2024-12-31T23:59:59.999', '2024-12-31T23:59:59.999Z'],
		['2024-01-15T23:59:59.250', '2024-01-15T23:59:59.250Z'],
		['2024-05-01T09:30:00Z', '2024-05-01T09:30:00.000Z'],
		['2024-05-01t09:30:00z', '2024-05-01T09:30:00.000Z'],
		['2024-05-01T11:30:00+02:00', '2024-05-01T09:30:00.000Z'],
		['2024-05-01T02:30:00-0700', '2024-05-01T09:30:00.000Z'],
		['2024-05-01T10:30:00+01', '2024-05-01T09:30:00.000Z'],
		// Local clock changes in Berlin (31 March) and Los Angeles (10 March) do not matter.
		['2024-03-31 02:30:00', '2024-03-31T02:30:00.000Z'],
		['2024-03-10 02:30:00', '2024-03-10T02:30:00.000Z'],
		['2024-10-27 02:30:00', '2024-10-27T02:30:00.000Z'],
		['2024-02-29', '2024-02-29T00:00:00.000Z'],
		[' 2024-05-01 ', '2024-05-01T00:00:00.000Z'],
	])('%p is %s', (input, expected) => {
		expect(parsed(input)).toBe(expected);
	});

	test('a Date and a Luxon-like DateTime are the moments they stand for', () => {
		const moment = new Date(Date.UTC(2024, 4, 1, 9, 30));
		expect(parsed(moment)).toBe('2024-05-01T09:30:00.000Z');
		expect(parsed({ toISO: () => '2024-05-01T11:30:00.000+02:00' })).toBe(
			'2024-05-01T09:30:00.000Z',
		);
	});

	test.each([
		['2024-02-30', 'Date: "2024-02-30" is not a calendar date'],
		['2023-02-29', 'Date: "2023-02-29" is not a calendar date'],
		['2024-06-31', 'Date: "2024-06-31" is not a calendar date'],
		['2024-13-01', 'Date: "2024-13-01" is not a calendar date'],
		['2024-00-10', 'Date: "2024-00-10" is not a calendar date'],
		['2024-05-01T24:00', 'Date: "2024-05-01T24:00" is not a valid time of day'],
		['2024-05-01T09:60', 'Date: "2024-05-01T09:60" is not a valid time of day'],
		['2024-05-01T09:30+25:00', 'Date: "2024-05-01T09:30+25:00" has an invalid time zone offset'],
		['1714556400', 'Date: "1714556400" is not a date'],
		['yesterday', 'Date: "yesterday" is not a date'],
		['01/05/2024', 'Date: "01/05/2024" is not a date'],
		['', 'Date: is required and was empty'],
	])('%p is refused', (input, message) => {
		expect(failure(input)).toBe(message);
	});

	test('an invalid Date object is refused', () => {
		expect(failure(new Date(Number.NaN))).toBe('Date: is not a valid date');
	});

	test("Trustpilot's query format is the UTC wall clock", () => {
		expect(toTrustpilotDateTime(new Date(Date.UTC(2013, 8, 7, 13, 37)))).toBe(
			'2013-09-07T13:37:00',
		);
	});
});

describe('utcTimestampMs (timestamps in answers, e.g. createdAt)', () => {
	it('reads a date-time without a zone as UTC, like parseUtcDate', () => {
		const expected = Date.UTC(2024, 4, 1, 0, 30);
		expect(utcTimestampMs('2024-05-01T00:30:00')).toBe(expected);
		expect(utcTimestampMs(' 2024-05-01 00:30 ')).toBe(expected);
		expect(utcTimestampMs('2024-05-01T00:30:00.000')).toBe(expected);
	});

	it('keeps a zone that is given, and reads what Date.parse reads', () => {
		expect(utcTimestampMs('2024-05-01T02:30:00+02:00')).toBe(Date.UTC(2024, 4, 1, 0, 30));
		expect(utcTimestampMs('2024-05-01T00:30:00.123Z')).toBe(Date.UTC(2024, 4, 1, 0, 30, 0, 123));
		expect(utcTimestampMs('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
		expect(utcTimestampMs('Wed, 01 May 2024 00:30:00 GMT')).toBe(Date.UTC(2024, 4, 1, 0, 30));
		expect(utcTimestampMs('yesterday')).toBeUndefined();
	});
});
