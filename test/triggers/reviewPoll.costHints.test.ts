// The cost hints of the Review Poll Trigger, evaluated the way n8n's editor does (its node-hints
// helper: `workflow.expression.getSimpleParameterValue(node, hint.displayCondition, 'internal',
// {})` on the node's parameters) through n8n-workflow's real expression engine. The expected
// yearly calls are worked out here from the schedule, independently of the node's expression.
import { cronNodeOptions, type INodeParameters, type NodeHint } from 'n8n-workflow';

import { createWorkflow, PACKAGE_PREFIX } from '../harness/engine';
import { TrustpilotReviewPollTrigger } from '../../nodes/TrustpilotReviewPollTrigger/TrustpilotReviewPollTrigger.node';

const NAME = 'Poll';
const TYPE = `${PACKAGE_PREFIX}.trustpilotReviewPollTrigger`;
const nodeType = new TrustpilotReviewPollTrigger();
const hints = nodeType.description.hints ?? [];
// n8n's node loader gives every polling node its Poll Times parameter (n8n-core's
// DirectoryLoader.applySpecialNodeParameters, from n8n-workflow's cronNodeOptions).
nodeType.description.properties = [
	{
		displayName: 'Poll Times',
		name: 'pollTimes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Poll Time' },
		default: { item: [{ mode: 'everyMinute' }] },
		options: cronNodeOptions,
	},
	...nodeType.description.properties,
];

function shownHints(parameters: INodeParameters): NodeHint[] {
	const { workflow } = createWorkflow(
		{
			nodes: [{ name: NAME, type: TYPE, parameters }],
			connections: {},
		},
		{ [TYPE]: nodeType },
	);
	const node = workflow.getNode(NAME)!;
	return hints.filter((hint) => {
		const shown = workflow.expression.getSimpleParameterValue(
			node,
			hint.displayCondition!,
			'internal',
			{},
		);
		expect(typeof shown).toBe('boolean');
		return shown === true;
	});
}

const units = (count: number) => ({
	unit: Array.from({ length: count }, (_, index) => ({
		businessUnit: { __rl: true, mode: 'id', value: `unit-${index}` },
	})),
});

const MINUTES_A_YEAR = 60 * 24 * 365;
const TIER_1 = 200000;
const TIER_2 = 1000000;

const band = (calls: number) => (calls > TIER_2 ? 'danger' : calls > TIER_1 ? 'warning' : 'info');

const cases: Array<[string, INodeParameters, number]> = [
	// Service reviews: a quiet poll reads the list and its reported reviews, 2 calls per unit.
	['every minute, 1 unit', { pollTimes: { item: [{ mode: 'everyMinute' }] } }, MINUTES_A_YEAR * 2],
	[
		'every minute, 1 unit, product reviews (1 call a poll)',
		{ reviewType: 'product', pollTimes: { item: [{ mode: 'everyMinute' }] } },
		MINUTES_A_YEAR,
	],
	[
		'every hour, 1 unit',
		{ pollTimes: { item: [{ mode: 'everyHour', minute: 5 }] } },
		(MINUTES_A_YEAR / 60) * 2,
	],
	[
		'every hour, 60 units',
		{ businessUnits: units(60), pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] } },
		(MINUTES_A_YEAR / 60) * 60 * 2,
	],
	[
		'every 5 minutes, 1 unit',
		{ pollTimes: { item: [{ mode: 'everyX', unit: 'minutes', value: 5 }] } },
		(MINUTES_A_YEAR / 5) * 2,
	],
	[
		'every 15 minutes, 3 units',
		{
			businessUnits: units(3),
			pollTimes: { item: [{ mode: 'everyX', unit: 'minutes', value: 15 }] },
		},
		(MINUTES_A_YEAR / 15) * 3 * 2,
	],
	[
		'every 2 hours, 1 unit',
		{ pollTimes: { item: [{ mode: 'everyX', unit: 'hours', value: 2 }] } },
		12 * 365 * 2,
	],
	[
		'custom cron every 10 minutes (6 fields)',
		{ pollTimes: { item: [{ mode: 'custom', cronExpression: '0 */10 * * * *' }] } },
		6 * 24 * 365 * 2,
	],
	[
		'custom cron every 2 minutes 9–17 h, 2 units',
		{
			businessUnits: units(2),
			pollTimes: { item: [{ mode: 'custom', cronExpression: '*/2 9-17 * * *' }] },
		},
		30 * 9 * 365 * 2 * 2,
	],
	[
		'every minute plus every hour',
		{ pollTimes: { item: [{ mode: 'everyMinute' }, { mode: 'everyHour', minute: 30 }] } },
		(MINUTES_A_YEAR + MINUTES_A_YEAR / 60) * 2,
	],
	['once a day', { pollTimes: { item: [{ mode: 'everyDay', hour: 6, minute: 0 }] } }, 365 * 2],
];

describe('Review Poll Trigger: cost hints in the editor', () => {
	it.each(cases)('%s: exactly the hint of its band', (_label, parameters, calls) => {
		const shown = shownHints({ reviewType: 'service', businessUnits: units(1), ...parameters });
		expect(shown).toHaveLength(1);
		expect(shown[0].type).toBe(band(calls));
	});

	it('every minute × 1 unit warns (525,600 polls a year), every hour × 1 unit does not (8,760)', () => {
		const minute = shownHints({
			businessUnits: units(1),
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		});
		expect(minute[0].type).not.toBe('info');
		expect(minute[0].message).toMatch(/1,000,000/);
		const hour = shownHints({
			businessUnits: units(1),
			pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] },
		});
		expect(hour[0].type).toBe('info');
		expect(hour[0].message).toMatch(/within .*tier-1/);
	});

	it('every message recommends webhooks or states the allowance', () => {
		expect(hints).toHaveLength(3);
		for (const hint of hints) expect(hint.message).toMatch(/200,000|1,000,000/);
		expect(hints.filter((hint) => /Trustpilot Trigger/.test(hint.message))).toHaveLength(2);
	});
});
