import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isJsonObject } from '../shared/json';
import { parseUtcDate, readList, readNumber } from '../shared/validate';
import { simplifyServiceReview } from '../shared/simplify';
import { attributeProductReview, simplifyProductReview } from '../shared/simplifyProductReview';
import {
	getTrustpilotCredentials,
	isOAuthMode,
	serverClockOffsetMs,
} from '../Trustpilot/transport';
import { trustpilotList } from '../Trustpilot/transport/pagination';
import { resolveBusinessUnits } from './businessUnits';
import { readUnitState, ReviewTracker, type SyncSettings, type UnitState } from './cursor';
import {
	DEFAULT_LATE_WINDOW_MINUTES,
	DEFAULT_MAX_ITEMS,
	DEFAULT_UPDATE_WINDOW_DAYS,
} from './description';
import { scanAscending, scanDescending, type Change } from './scan';
import { reviewSources, type ReviewType } from './sources';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
/** Reviews a manual test run shows per business unit. */
const SAMPLE_SIZE = 5;
/** Share of n8n's poll budget spent fetching before the rest is left to the next poll. */
const BUDGET_SHARE = 0.5;
const DEFAULT_BUDGET_MS = 5 * MINUTE;

type StartFrom = 'now' | 'date' | 'all';

interface PollSettings {
	reviewType: ReviewType;
	start: StartFrom;
	skus: string[];
	simplify: boolean;
	maxItems: number;
	sync: SyncSettings;
	/** Identifies the choices a stored cursor belongs to. */
	signature: string;
}

/** Stored in the node's static data; replaced as a whole after a fully successful poll. */
interface StoredPollState {
	units?: Record<string, UnitState>;
	domains?: Record<string, string>;
}

function readStartDate(ctx: IPollFunctions, raw: unknown): number {
	// n8n's date picker gives no zone; the shared parser reads it as UTC, as the description says.
	return parseUtcDate(ctx, 0, 'Start Date', raw).getTime();
}

function readSettings(ctx: IPollFunctions): PollSettings {
	const reviewType = ctx.getNodeParameter('reviewType', 'service') as ReviewType;
	const watchUpdates = ctx.getNodeParameter('event', 'new') === 'newAndUpdated';
	const start = ctx.getNodeParameter('start', 'now') as StartFrom;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const notBefore =
		start === 'date' ? readStartDate(ctx, ctx.getNodeParameter('startDate', '')) : null;
	const skus = reviewType === 'product' ? readList(ctx, 0, 'Options → SKUs', options.skus) : [];
	// An option left empty takes its default; the rest is checked like any number.
	const readOption = (
		field: string,
		value: unknown,
		fallback: number,
		bounds: { min: number; max: number; integer?: boolean },
	) =>
		readNumber(
			ctx,
			0,
			`Options → ${field}`,
			value === undefined || value === '' ? fallback : value,
			bounds,
		);
	const sync: SyncSettings = {
		watchUpdates,
		notBefore,
		lateWindowMs:
			readOption(
				'Late Review Window (Minutes)',
				options.lateWindowMinutes,
				DEFAULT_LATE_WINDOW_MINUTES,
				{ min: 0, max: 1440 },
			) * MINUTE,
		updateWindowMs:
			readOption('Watch Updates for (Days)', options.updateWindowDays, DEFAULT_UPDATE_WINDOW_DAYS, {
				min: 1,
				max: 90,
			}) * DAY,
	};
	return {
		reviewType,
		start,
		skus,
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
		maxItems: readOption('Max Items per Poll', options.maxItemsPerPoll, DEFAULT_MAX_ITEMS, {
			min: 1,
			max: 10000,
			integer: true,
		}),
		sync,
		signature: [
			reviewType,
			watchUpdates ? 'updates' : 'new',
			start,
			notBefore ?? '',
			skus.join(','),
		].join('|'),
	};
}

/**
 * Stored states keyed by business unit id (`<id>` or `<id>#<sku>`), the id in lower case. Ids are
 * sent as Trustpilot writes them (lower case) since 0.1.x; a state 0.1.0 kept under an id typed
 * in upper case carries on instead of starting over. The SKU part keeps its case.
 */
function withLowerCaseIds(units: Record<string, unknown>): Record<string, unknown> {
	const byKey: Record<string, unknown> = {};
	for (const [key, state] of Object.entries(units)) {
		const lower = key.replace(/^[0-9a-f]{24}/i, (id) => id.toLowerCase());
		// Where both spellings are stored, the one this version wrote wins.
		if (lower === key || !(lower in byKey)) byKey[lower] = state;
	}
	return byKey;
}

function toItem(
	change: Change,
	settings: PollSettings,
	businessUnitId: string,
	isPrivate: boolean,
	sku?: string,
): INodeExecutionData {
	// Public product reviews do not name their product: label them with the SKU they were listed under.
	const review = sku === undefined ? change.review : attributeProductReview(change.review, { sku });
	let json: IDataObject;
	if (!settings.simplify) json = { ...review };
	else if (settings.reviewType === 'service') json = simplifyServiceReview(review);
	else json = simplifyProductReview(review, { isPrivate, businessUnitId });
	if (json.businessUnitId === undefined) json.businessUnitId = businessUnitId;
	json.changeType = change.change;
	return { json };
}

/** Differences between the two clocks up to this much are left alone (the Date header has whole seconds). */
const CLOCK_TOLERANCE_MS = 2000;

/**
 * The poll's "now" on Trustpilot's clock, which stamps the reviews: when the answers so far show
 * that it is behind this host's, the poll's start on Trustpilot's clock. A host ahead of
 * Trustpilot would otherwise start "now" (or judge how old a review is) minutes or hours too late
 * and skip the reviews written in between.
 */
function trustpilotNowMs(ctx: IPollFunctions, nowMs: number): number {
	const offset = serverClockOffsetMs(ctx);
	return offset !== undefined && offset < -CLOCK_TOLERANCE_MS ? nowMs + offset : nowMs;
}

function pollBudgetMs(ctx: IPollFunctions): number {
	// Older n8n versions have no poll budget.
	return typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
}

function sourcesOf(settings: PollSettings, businessUnitId: string, isPrivate: boolean) {
	const { reviewType, skus } = settings;
	return reviewSources({ reviewType, isPrivate, businessUnitId, skus });
}

async function sample(
	ctx: IPollFunctions,
	settings: PollSettings,
	businessUnitIds: string[],
	isPrivate: boolean,
): Promise<INodeExecutionData[][] | null> {
	const items: INodeExecutionData[] = [];
	for (const businessUnitId of businessUnitIds) {
		const sources = sourcesOf(settings, businessUnitId, isPrivate);
		for (const { source } of sources) {
			const reviews = await trustpilotList(ctx, source.sampleRequest, SAMPLE_SIZE);
			for (const review of reviews)
				items.push(
					toItem({ review, change: 'new' }, settings, businessUnitId, isPrivate, source.sku),
				);
		}
	}
	return items.length ? [items] : null;
}

/**
 * One poll: every business unit is read from its own cursor; the new cursors are stored only
 * after all of them succeeded, so a failed poll is simply repeated by the next one.
 */
export async function pollReviews(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	const credentials = await getTrustpilotCredentials(this);
	const isPrivate = isOAuthMode(credentials);
	if (settings.reviewType === 'product' && !isPrivate && settings.skus.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Product reviews need SKUs or an access token', {
			description:
				'Public product reviews are listed per product: add SKUs under Options, or set the Trustpilot credential to "Client Credentials" to read all product reviews.',
		});
	}
	const staticData = this.getWorkflowStaticData('node') as StoredPollState;
	const domains = { ...(staticData.domains ?? {}) };
	const businessUnitIds = await resolveBusinessUnits(this, domains);

	// A manual test run shows recent reviews and leaves the stored position alone.
	if (this.getMode() === 'manual') return await sample(this, settings, businessUnitIds, isPrivate);

	const nowMs = Date.now();
	const deadlineMs = nowMs + pollBudgetMs(this) * BUDGET_SHARE;
	const storedUnits = withLowerCaseIds(isJsonObject(staticData.units) ? staticData.units : {});
	const nextUnits: Record<string, UnitState> = {};
	const items: INodeExecutionData[] = [];
	for (const businessUnitId of businessUnitIds) {
		const sources = sourcesOf(settings, businessUnitId, isPrivate);
		for (const { key, source } of sources) {
			// 0.1.0 kept one state per business unit, also for public product reviews of several
			// SKUs (then read in one list): each SKU carries on from it.
			const stored =
				readUnitState(storedUnits[key]) ??
				(key === businessUnitId ? undefined : readUnitState(storedUnits[businessUnitId]));
			const fresh = stored?.signature !== settings.signature;
			// "Now" starts by noting what exists (emitting nothing), so later polls know it is old.
			const silent = fresh && settings.start === 'now';
			const scan = source.order === 'ascending' ? scanAscending : scanDescending;
			const run = async (clockMs: number) => {
				// "Now" is Trustpilot's: reviews are stamped by its clock.
				const initial: UnitState | undefined = !fresh
					? stored
					: silent
						? { signature: settings.signature, cursor: clockMs, known: {} }
						: undefined;
				const tracker = new ReviewTracker(initial, settings.sync);
				const changes = await scan(this, source, tracker, {
					settings: settings.sync,
					nowMs: clockMs,
					silent,
					maxItems: settings.maxItems,
					deadlineMs,
				});
				return { tracker, changes };
			};
			const clockBefore = trustpilotNowMs(this, nowMs);
			let { tracker, changes } = await run(clockBefore);
			const clockMs = trustpilotNowMs(this, nowMs);
			// The first answer showed that Trustpilot's clock is behind this host's: note what
			// exists again from Trustpilot's "now", or reviews written after it would count as old.
			if (silent && clockMs < clockBefore) ({ tracker, changes } = await run(clockMs));
			nextUnits[key] = tracker.toState(settings.signature, clockMs, nowMs);
			for (const change of changes)
				items.push(toItem(change, settings, businessUnitId, isPrivate, source.sku));
		}
	}

	// Reached only when every business unit was read without error.
	staticData.units = nextUnits;
	staticData.domains = domains;
	return items.length ? [items] : null;
}
