// Fast unit tests of the shared core (nodes/shared): the rules every node and the credential use.
// The only context they need is a way to name the node, so no n8n execution is involved here.
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readBusinessUnitReference } from '../../nodes/shared/businessUnit';
import { parseJsonObject, parseJsonText } from '../../nodes/shared/json';
import { trustpilotErrorText } from '../../nodes/shared/trustpilotError';
import {
	COMMA_LINE_OR_SEMICOLON_SEPARATED,
	fieldError,
	isTrustpilotId,
	readList,
	readLocale,
	readNumber,
	readText,
	requireEmail,
	requireHttpUrl,
	requireId,
	requireLocale,
	requireText,
	type NodeContext,
} from '../../nodes/shared/validate';

const node: INode = {
	id: 'n1',
	name: 'Trustpilot',
	type: 'n8n-nodes-trustpilot.trustpilot',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const ctx: NodeContext = { getNode: () => node };

/** Runs `fn`, which must throw a NodeOperationError; returns it for inspection. */
function thrown(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected an error, but nothing was thrown');
}

describe('fieldError', () => {
	test('names the field, the item and the node', () => {
		const error = thrown(() => fieldError(ctx, 2, 'Price', 'is not a price'));
		expect(error.message).toBe('Price: is not a price');
		expect(error.description).toBe('Check the "Price" parameter of item 3.');
		expect(error.context.itemIndex).toBe(2);
		expect(error.node).toBe(node);
	});

	test('takes a hint instead of the default description', () => {
		const error = thrown(() => fieldError(ctx, 0, 'Link', 'could not be read', 'Copy it again.'));
		expect(error.description).toBe('Copy it again.');
	});
});

describe('readText / requireText', () => {
	test('trims text, keeps numbers, empties undefined and null', () => {
		expect(readText(ctx, 0, 'Name', '  Zoë  ')).toBe('Zoë');
		expect(readText(ctx, 0, 'Name', 42)).toBe('42');
		expect(readText(ctx, 0, 'Name', undefined)).toBe('');
		expect(readText(ctx, 0, 'Name', null)).toBe('');
	});

	test.each([
		[{ a: 1 }, 'an object'],
		[['x'], 'a list'],
		[true, 'the boolean true'],
		[Number.NaN, 'a number'],
	])('refuses %p as text (%s)', (value, kind) => {
		expect(thrown(() => readText(ctx, 0, 'Name', value)).message).toBe(
			`Name: must be text, but the value is ${kind}`,
		);
	});

	test('requireText refuses empty and too long text', () => {
		expect(thrown(() => requireText(ctx, 0, 'Title', '   ')).message).toBe(
			'Title: is required and was empty',
		);
		expect(thrown(() => requireText(ctx, 0, 'Title', 'abcdef', 5)).message).toBe(
			'Title: is 6 characters long; Trustpilot accepts at most 5',
		);
		expect(requireText(ctx, 0, 'Title', 'abcde', 5)).toBe('abcde');
	});
});

describe('readList', () => {
	test('splits at commas by default and drops blanks', () => {
		expect(readList(ctx, 0, 'SKUs', ' A-1, ,B-2,,C;3 ')).toEqual(['A-1', 'B-2', 'C;3']);
	});

	test('splits emails at commas, lines and semicolons when asked', () => {
		expect(
			readList(
				ctx,
				0,
				'Emails',
				'a@x.io;b@x.io\nc@x.io, d@x.io',
				COMMA_LINE_OR_SEMICOLON_SEPARATED,
			),
		).toEqual(['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io']);
	});

	test('takes an array from an expression; each entry must be text', () => {
		expect(readList(ctx, 0, 'SKUs', [' A ', 7, ''])).toEqual(['A', '7']);
		expect(thrown(() => readList(ctx, 0, 'SKUs', ['A', { sku: 'B' }])).message).toBe(
			'SKUs #2: must be text, but the value is an object',
		);
	});

	test('an empty value is an empty list', () => {
		expect(readList(ctx, 0, 'SKUs', '')).toEqual([]);
		expect(readList(ctx, 0, 'SKUs', undefined)).toEqual([]);
	});
});

describe('readNumber', () => {
	const limit = { min: 1, max: 100, integer: true };
	test('accepts numbers and numeric text inside the range', () => {
		expect(readNumber(ctx, 0, 'Limit', 1, limit)).toBe(1);
		expect(readNumber(ctx, 0, 'Limit', ' 100 ', limit)).toBe(100);
	});

	test.each([
		[0, 'Limit: must be a whole number between 1 and 100, but is 0'],
		[101, 'Limit: must be a whole number between 1 and 100, but is 101'],
		[2.5, 'Limit: must be a whole number between 1 and 100, but is 2.5'],
		['ten', 'Limit: must be a whole number between 1 and 100, but is "ten"'],
		['', 'Limit: must be a whole number between 1 and 100, but is ""'],
	])('refuses %p', (value, message) => {
		expect(thrown(() => readNumber(ctx, 0, 'Limit', value, limit)).message).toBe(message);
	});

	test('without max, the message says "at least"', () => {
		expect(thrown(() => readNumber(ctx, 0, 'Days', -1, { min: 0 })).message).toBe(
			'Days: must be a number at least 0, but is -1',
		);
	});
});

describe('Trustpilot ids', () => {
	test('24 hexadecimal characters, either case', () => {
		expect(isTrustpilotId('46d6a890000064000500e0c3')).toBe(true);
		expect(isTrustpilotId('46D6A890000064000500E0C3')).toBe(true);
		expect(isTrustpilotId('46d6a890000064000500e0c')).toBe(false);
		expect(isTrustpilotId('46d6a890000064000500e0c3a')).toBe(false);
		expect(isTrustpilotId('46d6a890000064000500e0cg')).toBe(false);
		expect(isTrustpilotId('')).toBe(false);
	});

	test('requireId trims, and names the field with the default or a given hint', () => {
		expect(requireId(ctx, 0, 'Review ID', ' 46d6a890000064000500e0c3 ')).toBe(
			'46d6a890000064000500e0c3',
		);
		const error = thrown(() => requireId(ctx, 1, 'Review ID', 'example.com'));
		expect(error.message).toBe('Review ID: "example.com" is not a Trustpilot ID');
		expect(error.description).toMatch(/24 hexadecimal characters/);
		expect(thrown(() => requireId(ctx, 0, 'Units', 'x', 'Choose "By Domain".')).description).toBe(
			'Choose "By Domain".',
		);
	});
});

describe('requireEmail', () => {
	test('accepts a plain address, refuses others', () => {
		expect(requireEmail(ctx, 0, 'Email', ' zoe@mail.example.net ')).toBe('zoe@mail.example.net');
		for (const bad of ['zoe', 'zoe@host', 'zo e@mail.example.net', 'a@@b.io']) {
			expect(thrown(() => requireEmail(ctx, 0, 'Email', bad)).message).toBe(
				`Email: "${bad}" is not a valid email address`,
			);
		}
		const long = `${'a'.repeat(250)}@x.io`;
		expect(thrown(() => requireEmail(ctx, 0, 'Email', long)).message).toBe(
			'Email: is 255 characters long; an email address has at most 254',
		);
	});
});

describe('requireHttpUrl', () => {
	test('http and https only', () => {
		expect(requireHttpUrl(ctx, 0, 'URL', 'https://shop.example.com/p/1')).toBe(
			'https://shop.example.com/p/1',
		);
		expect(requireHttpUrl(ctx, 0, 'URL', 'http://shop.example.com')).toBe(
			'http://shop.example.com',
		);
		for (const bad of ['javascript:alert(1)', 'ftp://x.io/a', 'shop.example.com', 'file:///etc']) {
			expect(thrown(() => requireHttpUrl(ctx, 0, 'URL', bad)).message).toBe(
				`URL: "${bad}" is not a web address`,
			);
		}
	});
});

describe('locales', () => {
	test('a language-country code in either case; empty is allowed only by readLocale', () => {
		expect(readLocale(ctx, 0, 'Locale', 'en-US')).toBe('en-US');
		expect(readLocale(ctx, 0, 'Locale', 'da-dk')).toBe('da-dk');
		expect(readLocale(ctx, 0, 'Locale', '')).toBe('');
		expect(thrown(() => requireLocale(ctx, 0, 'Locale', '')).message).toBe(
			'Locale: is required and was empty',
		);
		for (const bad of ['english', 'en_US', 'en', 'eng-USA', 'en-US-x']) {
			expect(thrown(() => requireLocale(ctx, 0, 'Locale', bad)).message).toBe(
				`Locale: "${bad}" is not a locale`,
			);
		}
	});
});

describe('tolerant JSON', () => {
	test('parseJsonText never throws', () => {
		expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
		expect(parseJsonText('null')).toEqual({ ok: true, value: null });
		expect(parseJsonText('{"a":')).toEqual({ ok: false });
		expect(parseJsonText('<html>')).toEqual({ ok: false });
		expect(parseJsonText('')).toEqual({ ok: false });
	});

	test('parseJsonObject: objects only', () => {
		expect(parseJsonObject('{"email":"a@b.io"}')).toEqual({ email: 'a@b.io' });
		expect(parseJsonObject('[1]')).toBeUndefined();
		expect(parseJsonObject('null')).toBeUndefined();
		expect(parseJsonObject('"text"')).toBeUndefined();
		expect(parseJsonObject('nope')).toBeUndefined();
	});
});

describe('Trustpilot error text (transport and credential)', () => {
	test('the OAuth server shapes the token request sees', () => {
		expect(trustpilotErrorText({ ErrorCode: 'invalid_grant', Error: 'Bad login' })).toBe(
			'Bad login',
		);
		expect(trustpilotErrorText({ error: 'invalid_client', error_description: 'Unknown key' })).toBe(
			'Unknown key',
		);
		expect(trustpilotErrorText({ ErrorCode: 'invalid_grant' })).toBe('invalid_grant');
		expect(trustpilotErrorText({ fault: { faultstring: 'Invalid ApiKey' } })).toBe(
			'Invalid ApiKey',
		);
		expect(trustpilotErrorText(undefined)).toBeUndefined();
		expect(trustpilotErrorText({})).toBeUndefined();
	});

	test('long text is cut, JSON text is read', () => {
		expect(trustpilotErrorText('x'.repeat(400))).toBe(`${'x'.repeat(300)}…`);
		expect(trustpilotErrorText(' {"message":"as text"} ')).toBe('as text');
		expect(trustpilotErrorText('{"message":')).toBe('{"message":');
	});
});

describe('business unit references', () => {
	test('a locator, or a plain string meaning an id', () => {
		expect(
			readBusinessUnitReference({ __rl: true, mode: 'domain', value: ' Example.com ' }),
		).toEqual({ mode: 'domain', value: 'Example.com' });
		expect(readBusinessUnitReference(' 46d6a890000064000500e0c3')).toEqual({
			mode: 'id',
			value: '46d6a890000064000500e0c3',
		});
		expect(readBusinessUnitReference(undefined)).toEqual({ mode: 'id', value: '' });
		expect(readBusinessUnitReference({ value: 'abc' })).toEqual({ mode: 'id', value: 'abc' });
	});
});
