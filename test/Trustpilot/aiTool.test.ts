// The Trustpilot node as an AI tool: the tool description n8n builds from each operation's action
// text, and model-chosen argument values that must be refused before anything is sent.
import { NodeHelpers, type INode, type INodePropertyOptions } from 'n8n-workflow';

import { resources } from '../../nodes/Trustpilot/actions';
import { Trustpilot } from '../../nodes/Trustpilot/Trustpilot.node';
import type { EmulatorInfo } from '../harness/emulatorClient';
import { useEmulator } from '../harness/fixtures';
import { byId, errorOf, runServiceReview } from './serviceReview/support';

const description = new Trustpilot().description;

/** What n8n hands a model for a tool node with this resource/operation ("Set Automatically"). */
function toolDescription(resource: string, operation: string): string {
	const node = {
		name: 'tool',
		type: 'n8n-nodes-trustpilot.trustpilotTool',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation, descriptionType: 'auto' },
	} as unknown as INode;
	return NodeHelpers.getToolDescriptionForNode(node, { description } as never);
}

// Operations an agent is likely to be given, and whether they change anything on Trustpilot.
const AGENT_OPERATIONS: Array<[string, string, 'read' | 'write']> = [
	['businessUnit', 'find', 'read'],
	['businessUnit', 'get', 'read'],
	['serviceReview', 'getAll', 'read'],
	['serviceReview', 'getLatest', 'read'],
	['serviceReview', 'get', 'read'],
	['serviceReview', 'getTags', 'read'],
	['serviceReview', 'reply', 'write'],
	['serviceReview', 'deleteReply', 'write'],
	['serviceReview', 'addTags', 'write'],
	['serviceReview', 'setTags', 'write'],
	['serviceReview', 'removeTag', 'write'],
	['invitation', 'sendEmail', 'write'],
	['invitation', 'generateServiceReviewLink', 'write'],
	['invitation', 'generateProductReviewLink', 'write'],
	['invitation', 'deleteInvitationData', 'write'],
	['productReview', 'getAll', 'read'],
	['productReview', 'get', 'read'],
	['productReview', 'reply', 'write'],
	['productReview', 'getSummary', 'read'],
	['productReview', 'getSummaries', 'read'],
	['productReview', 'getBatchSummaries', 'read'],
];

describe('tool descriptions n8n builds from the action texts', () => {
	test.each(AGENT_OPERATIONS)(
		'%s › %s says what it returns and whether it writes',
		(resource, operation, kind) => {
			const text = toolDescription(resource, operation);
			const option = resources[resource].operations[operation].option as INodePropertyOptions;
			expect(text).toBe(`${option.action} in Trustpilot`);
			expect(text.length).toBeGreaterThan(80);
			expect(text.length).toBeLessThan(420);
			if (kind === 'read') {
				expect(text).toMatch(/Read-only: changes nothing in Trustpilot$/);
				expect(text).toMatch(/Returns|: /);
			} else {
				expect(text).toMatch(/ Writes: [a-z ]+ in Trustpilot$/);
				expect(text).not.toMatch(/Read-only/);
			}
		},
	);

	test('the list tool names its order, its Limit and the fields the next call needs', () => {
		const text = toolDescription('serviceReview', 'getAll');
		for (const phrase of [
			'newest first',
			'Limit',
			'default 50',
			'up to 100',
			'id',
			'stars',
			'replyText',
			'link',
		])
			expect(text).toContain(phrase);
	});

	test('irreversible GDPR deletion warns against giving it to a model', () => {
		expect(toolDescription('invitation', 'deleteInvitationData')).toMatch(
			/Cannot be undone; keep it away from AI tools/,
		);
	});
});

describe('model-chosen values are refused before a request is sent', () => {
	const emulator = useEmulator();
	let info: EmulatorInfo;
	beforeAll(async () => {
		info = await emulator.client.info();
	});

	test.each([0, -1, 2.5, 'ten'])(
		'Limit %p: the error starts with "Limit" and nothing reaches Trustpilot',
		async (limit) => {
			const run = await runServiceReview(emulator, 'getAll', {
				businessUnit: byId(info.mainBusinessUnit.id),
				returnAll: false,
				limit: limit as number,
			});
			const error = errorOf(run);
			expect(error?.message).toMatch(/^Limit: must be a whole number at least 1, but is /);
			expect(run.requests).toEqual([]);
		},
	);

	test.each([
		[2.5, /^Limit: must be a whole number between 1 and 100, but is 2\.5$/],
		[150, /^Limit: must be a whole number between 1 and 100, but is 150$/],
	])(
		'Get Latest with Limit %p is refused, not rounded or capped silently',
		async (limit, message) => {
			const run = await runServiceReview(
				emulator,
				'getLatest',
				{ language: 'en', limit },
				{ mode: 'apiKey' },
			);
			expect(errorOf(run)?.message).toMatch(message);
			expect(run.requests).toEqual([]);
		},
	);

	test('Limit "7" from an expression is read as 7', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(info.mainBusinessUnit.id),
			returnAll: false,
			limit: '={{ "7" }}' as unknown as number,
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.items).toHaveLength(7);
	});

	test('Stars "six": the error starts with "Stars" and nothing reaches Trustpilot', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(info.mainBusinessUnit.id),
			limit: 5,
			filters: { stars: 'six' },
		});
		expect(errorOf(run)?.message).toMatch(/^Stars: use star ratings 1 to 5/);
		expect(run.requests).toEqual([]);
	});

	test('Stars "1, 2" from a model is accepted as the filter 1,2', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(info.mainBusinessUnit.id),
			limit: 5,
			filters: { stars: '1, 2' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0].query.stars).toBe('1,2');
		expect(run.items.every((item) => item.stars === 1 || item.stars === 2)).toBe(true);
	});
});
