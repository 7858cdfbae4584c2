// The benchmark's one table: each row a figure, the baseline it was measured against in the same
// run, their ratio, the target and whether it was met.

const number = (value, digits = 0) =>
	Number.isFinite(value)
		? value.toLocaleString('en-US', {
				minimumFractionDigits: digits,
				maximumFractionDigits: digits,
			})
		: '—';
const seconds = (ms) => `${number(ms / 1000, 2)} s`;
const ratio = (value) => (Number.isFinite(value) ? `${number(value, 2)}×` : '—');

// A poll of private service reviews asks twice per business unit when nothing is new: the list and
// the reported reviews, asked for separately because Trustpilot does not document whether the list
// includes them (README › Cost per poll). A backfill poll adds at most one page: the one it
// resumes on (issue 14: ⌈N/100⌉ plus at most one per poll).
const QUIET_POLL_REQUESTS = 2;
const backfillBound = (minimum, polls) => minimum + 2 * polls;

function row(measure, result, baseline, value, target, met) {
	return {
		measure,
		result,
		baseline,
		ratio: ratio(value),
		target,
		met: met === undefined ? '—' : met ? 'yes' : 'NO',
	};
}

export function tableRows(results) {
	const rows = [];
	const { sync, bgl, pacing, memory, webhook } = results;
	if (sync) {
		const { returnAll, pollTrigger, seeded, minimumRequests: min, reviews } = sync;
		const n = number(reviews);
		// The seeded sync is one poll: one reported-reviews request per unit on top of the pages.
		const seededBound = seeded.minimumRequests + seeded.units * seeded.sync.polls;
		rows.push(
			row(
				`Return All ${n} reviews: page requests`,
				number(returnAll.listRequests),
				`⌈N/100⌉ = ${number(min)}`,
				returnAll.listRequests / min,
				'≤ 1.00×',
				returnAll.listRequests <= min,
			),
		);
		rows.push(
			row(
				'Return All: token requests',
				number(returnAll.tokenRequests),
				'1 per sync',
				returnAll.tokenRequests,
				'≤ 1.00×',
				returnAll.tokenRequests <= 1,
			),
		);
		rows.push(
			row(
				'Return All: wall time (engine vs bare fetch loop)',
				seconds(returnAll.ms),
				seconds(returnAll.bare.ms),
				returnAll.ms / returnAll.bare.ms,
				'≤ 1.25×',
				returnAll.ms <= 1.25 * returnAll.bare.ms,
			),
		);
		rows.push(
			row(
				`Poll trigger backfill ${n} reviews, 1 ms apart: list requests (pages + reported list)`,
				number(pollTrigger.listRequests),
				`⌈N/100⌉ + 2 per poll = ${number(backfillBound(min, pollTrigger.polls))}`,
				pollTrigger.listRequests / backfillBound(min, pollTrigger.polls),
				'≤ 1.00×',
				pollTrigger.listRequests <= backfillBound(min, pollTrigger.polls),
			),
		);
		rows.push(
			row(
				'Poll trigger backfill: token requests',
				number(pollTrigger.tokenRequests),
				'1 per sync',
				pollTrigger.tokenRequests,
				'≤ 1.00×',
				pollTrigger.tokenRequests <= 1,
			),
		);
		rows.push(
			row(
				`Poll trigger backfill: wall time (${number(pollTrigger.polls)} poll(s) vs bare loop)`,
				seconds(pollTrigger.ms),
				seconds(pollTrigger.bare.ms),
				pollTrigger.ms / pollTrigger.bare.ms,
				'≤ 1.25×',
				pollTrigger.ms <= 1.25 * pollTrigger.bare.ms,
			),
		);
		rows.push(
			row(
				'Poll with nothing new after that backfill: requests',
				number(pollTrigger.quietPollRequests),
				`${QUIET_POLL_REQUESTS} (1 unit: list + reported list)`,
				pollTrigger.quietPollRequests / QUIET_POLL_REQUESTS,
				'≤ 1.00×',
				pollTrigger.quietPollRequests <= QUIET_POLL_REQUESTS,
			),
		);
		rows.push(
			row(
				`Poll trigger sync of ${number(seeded.reviews)} seeded reviews (years apart, ${seeded.units} units, ${seeded.sync.polls} poll(s)): list requests (pages + reported list)`,
				number(seeded.sync.listRequests),
				`Σ⌈n/100⌉ + 1 reported list per unit = ${number(seededBound)}`,
				seeded.sync.listRequests / seededBound,
				'≤ 1.00×',
				seeded.sync.listRequests <= seededBound,
			),
		);
		rows.push(
			row(
				`Poll with nothing new (${seeded.units} units): requests per business unit`,
				number(seeded.sync.quietPollRequests / seeded.units, 2),
				`${QUIET_POLL_REQUESTS} per unit (list + reported list)`,
				seeded.sync.quietPollRequests / seeded.units / QUIET_POLL_REQUESTS,
				'≤ 1.00×',
				seeded.sync.quietPollRequests <= seeded.units * QUIET_POLL_REQUESTS,
			),
		);
	}
	if (bgl) {
		rows.push(
			row(
				`BGL links/s, node in the engine (fields from expressions, ${number(bgl.links)} items)`,
				number(bgl.engineWithExpressions),
				`${number(bgl.bare)} (bare node:crypto loop; n8n's expression share ${number(100 * bgl.n8nShareExpressions)} %)`,
				bgl.engineWithExpressions / bgl.bare,
				'≥ 0.80×',
				bgl.engineWithExpressions >= 0.8 * bgl.bare,
			),
		);
		rows.push(
			row(
				'BGL links/s, node in the engine (fixed fields)',
				number(bgl.engineFixedFields),
				`${number(bgl.bare)} (bare node:crypto loop)`,
				bgl.engineFixedFields / bgl.bare,
				'≥ 0.90×',
				bgl.engineFixedFields >= 0.9 * bgl.bare,
			),
		);
	}
	if (pacing) rows.push(...pacingRows(pacing));
	if (memory) {
		const { backfill, idle } = memory;
		rows.push(
			row(
				`Peak RSS, backfill of ${number(memory.reviews)} reviews (${number(backfill.polls)} polls of ≤ ${number(memory.maxItemsPerPoll)})`,
				`${number(backfill.maxRssMb)} MB`,
				`${number(idle.maxRssMb)} MB (same child, one empty poll)`,
				backfill.maxRssMb / idle.maxRssMb,
				'bounded',
				backfill.items === memory.reviews,
			),
		);
	}
	if (webhook?.measured) {
		const engines = [
			['vmEngine', "n8n's default expression engine"],
			['lazyEngine', 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true'],
			['legacyEngine', 'N8N_EXPRESSION_ENGINE=legacy'],
		];
		const versions = [
			['trustpilot', 'node version 1'],
			['trustpilotV2', 'node version 2'],
		];
		for (const [key, label] of engines) {
			const sides = webhook[key];
			if (!sides) continue;
			for (const [side, version] of versions) {
				if (!sides[side]) continue;
				const ours = sides[side].finishedPerSecond;
				const theirs = sides.n8n.finishedPerSecond;
				rows.push(
					row(
						`Webhook events/s, Trustpilot Trigger ${version} (real n8n ${webhook.n8nVersion ?? ''}, ${label}, ${webhook.concurrency} in flight)`,
						number(ours, 1),
						`${number(theirs, 1)} (n8n's Webhook node)`,
						ours / theirs,
						'≥ 0.90×',
						ours >= 0.9 * theirs,
					),
				);
			}
		}
	} else if (webhook || !results.only) {
		rows.push({
			measure: 'Webhook events/s, Trustpilot Trigger vs n8n Webhook node',
			result: webhook?.reason ?? 'not measured',
			baseline: '',
			ratio: '—',
			target: '≥ 0.90×',
			met: '—',
		});
	}
	return rows;
}

function pacingRows(pacing) {
	const rows = [];
	const budget = pacing.windows
		.map((window) => `${number(window.calls)}/${number(window.seconds, 0)} s`)
		.join(' + ');
	const runs = [
		['returnAll', `Return All ${number(pacing.returnAll.paced.reviews)} reviews`],
		['backfill', `Poll trigger backfill ${number(pacing.backfill.paced.reviews)} reviews`],
	];
	for (const [key, label] of runs) {
		const { paced, unpaced } = pacing[key];
		rows.push(
			row(
				`${label}, paced, emulator enforcing ${budget} (real windows ÷ ${pacing.scale.time}, calls ÷ ${pacing.scale.calls}): request rate`,
				`${number(paced.achievedPerSecond, 1)}/s`,
				`${number(paced.allowedPerSecond, 1)}/s (fastest legal schedule, ${number(paced.accepted)} calls)`,
				paced.rateRatio,
				'≥ 0.95×',
				paced.rateRatio >= 0.95,
			),
		);
		rows.push(
			row(
				`${label}, paced: responses 429, completion`,
				`${number(paced.rejected)} × 429, ${number(paced.items)} of ${number(paced.reviews)} reviews${paced.polls ? ` in ${number(paced.polls)} polls` : ''}`,
				'0 × 429, all reviews',
				undefined,
				'0 × 429, complete',
				paced.rejected === 0 && paced.completed,
			),
		);
		if (key === 'backfill') {
			rows.push(
				row(
					`${label}, paced: list requests (pages + reported list)`,
					number(paced.accepted),
					`⌈N/100⌉ + 2 per poll = ${number(backfillBound(pacing.backfill.minimumRequests, paced.polls))}`,
					paced.accepted / backfillBound(pacing.backfill.minimumRequests, paced.polls),
					'≤ 1.00×',
					paced.accepted <= backfillBound(pacing.backfill.minimumRequests, paced.polls),
				),
			);
		}
		const first = unpaced.firstRejectedRequest;
		rows.push(
			row(
				`${label}, unpaced (same budget): first 429`,
				first
					? `request #${number(first)} after ${seconds(unpaced.firstRejectedAfterMs)} (${number(unpaced.firstRejectedAfterRealMs / 60000, 1)} min real)`
					: 'none',
				`engine ${number(unpaced.engineRateBeforeFirst429, 1)}/s before it vs ${number(pacing.allowedPerSecond, 1)}/s allowed`,
				unpaced.engineRateBeforeFirst429 / pacing.allowedPerSecond,
				'engine > budget',
				unpaced.engineRateBeforeFirst429 > pacing.allowedPerSecond,
			),
		);
		rows.push(
			row(
				`${label}, unpaced: outcome${key === 'backfill' ? ' (stopped after the first poll that met a 429)' : ''}`,
				`${number(unpaced.rejected)} × 429, ${unpaced.error ? `failed: ${unpaced.error.slice(0, 60)}` : unpaced.completed ? 'completed after retries' : `${number(unpaced.items)} reviews, no error`}`,
				first
					? `real clock: window full ${seconds(unpaced.windowFreesInRealMs)} > 15 s of retries${unpaced.failsOnRealClock ? ' → fails' : ''}`
					: '',
				undefined,
				'—',
				undefined,
			),
		);
	}
	return rows;
}

export function formatTable(results) {
	const rows = results.rows;
	const headers = {
		measure: 'Measure',
		result: 'Result',
		baseline: 'Baseline (same run)',
		ratio: 'Ratio',
		target: 'Target',
		met: 'Met',
	};
	const cells = [headers, ...rows];
	const escape = (text) => String(text).replace(/\|/g, '\\|');
	const widths = Object.keys(headers).map((key) =>
		Math.max(...cells.map((cell) => escape(cell[key]).length)),
	);
	const line = (cell) =>
		`| ${Object.keys(headers)
			.map((key, index) => escape(cell[key]).padEnd(widths[index]))
			.join(' | ')} |`;
	const separator = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
	const { machine } = results;
	const caption = `Benchmark ${results.startedAt.slice(0, 10)} on ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform} (load average at start ${machine.loadAverageAtStart.join(' / ')})`;
	return [caption, '', line(headers), separator, ...rows.map(line)].join('\n');
}
