import type { NodeHint } from 'n8n-workflow';

/** Calls a year Trustpilot's API module allows (tier 1 and tier 2). */
export const TIER_1_CALLS_PER_YEAR = 200000;
export const TIER_2_CALLS_PER_YEAR = 1000000;

/**
 * An n8n expression for the calls a year of quiet polls with the current settings. n8n's editor
 * evaluates a hint's `displayCondition` against the node's parameters (`$parameter`) but shows
 * its message as written, so the number is computed here and each hint names one cost band.
 *
 * Polls a year per Poll Times entry (n8n's schedule, see `toCronExpression` in n8n-workflow):
 * every minute 525,600; every hour 8,760; every X minutes ⌈60/X⌉ an hour; every X hours ⌈24/X⌉ a
 * day; day 365, week 52, month 12; a custom cron counts its minute and hour values on every day
 * (an upper bound when it names days). A quiet poll costs 2 calls per business unit for service
 * reviews (the list and its reported reviews with Client Credentials or Business User Login; 1
 * with an API key alone) and 1 for product reviews.
 */
const CALLS_PER_YEAR = `(() => {
	const count = (field, size) => String(field ?? '*').split(',').reduce((sum, part) => {
		const [range, step] = part.split('/');
		const bounds = range === '*' ? [0, size - 1] : range.split('-').map(Number);
		const width = bounds.length > 1 ? bounds[1] - bounds[0] + 1 : step === undefined ? 1 : size - bounds[0];
		return sum + Math.ceil(width / Number(step ?? 1));
	}, 0);
	const perYear = (item) => {
		if (item.mode === 'everyMinute') return 525600;
		if (item.mode === 'everyHour') return 8760;
		if (item.mode === 'everyDay') return 365;
		if (item.mode === 'everyWeek') return 52;
		if (item.mode === 'everyMonth') return 12;
		if (item.mode === 'everyX') {
			const value = Math.max(1, Number(item.value) || 1);
			return item.unit === 'hours' ? Math.ceil(24 / value) * 365 : Math.ceil(60 / value) * 8760;
		}
		const fields = String(item.cronExpression ?? '').trim().split(/\\s+/);
		const offset = fields.length === 6 ? 1 : 0;
		return count(fields[offset], 60) * count(fields[offset + 1], 24) * 365;
	};
	const items = ($parameter.pollTimes && $parameter.pollTimes.item) || [];
	const polls = items.reduce((sum, item) => sum + perYear(item), 0);
	const units = Math.max(1, (($parameter.businessUnits && $parameter.businessUnits.unit) || []).length);
	return polls * units * ($parameter.reviewType === 'product' ? 1 : 2);
})()`;

/** A display condition on `calls`, the yearly calls of the current settings. */
const band = (condition: string) => `={{ ((calls) => ${condition})(${CALLS_PER_YEAR}) }}`;

export const costHints: NodeHint[] = [
	{
		message:
			'This schedule costs more than 1,000,000 calls a year (quiet polls alone: 2 per business unit and poll for service reviews), over Trustpilot’s tier-2 allowance. Poll less often, or use the Trustpilot Trigger (webhooks) when new reviews must arrive quickly.',
		type: 'danger',
		location: 'outputPane',
		whenToDisplay: 'always',
		displayCondition: band(`calls > ${TIER_2_CALLS_PER_YEAR}`),
	},
	{
		message:
			'This schedule costs more than 200,000 calls a year (quiet polls alone: 2 per business unit and poll for service reviews), over Trustpilot’s tier-1 allowance (tier 2: 1,000,000). Every 15 minutes costs 70,080 a year per business unit; the Trustpilot Trigger (webhooks) costs none.',
		type: 'warning',
		location: 'outputPane',
		whenToDisplay: 'always',
		displayCondition: band(`calls > ${TIER_1_CALLS_PER_YEAR} && calls <= ${TIER_2_CALLS_PER_YEAR}`),
	},
	{
		message:
			'This schedule stays within Trustpilot’s tier-1 allowance of 200,000 calls a year for its quiet polls (2 per business unit and poll for service reviews, plus 1 per 100 new reviews).',
		type: 'info',
		location: 'outputPane',
		whenToDisplay: 'always',
		displayCondition: band(`calls <= ${TIER_1_CALLS_PER_YEAR}`),
	},
];
