import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../shared/json';
import { utcTimestampMs } from '../shared/validate';

/**
 * Sync state of one business unit, kept in the node's workflow static data.
 *
 * `cursor` is the newest `createdAt` (epoch ms) taken care of; every poll re-reads reviews from
 * a window that starts a little before it (see `windowStartMs`). `known` remembers, for every
 * review inside that window, when it was created and which `updatedAt` was last emitted, so a
 * re-read review is recognised (skipped, or emitted as "updated") instead of emitted twice.
 */
export interface UnitState {
	/** Settings the state was built for; a different signature restarts the sync. */
	signature: string;
	/** Newest createdAt handled (epoch ms); null before the first review. */
	cursor: number | null;
	/** id → "<createdAt base36>.<version base36>" (compact: static data is stored with the workflow). */
	known: Record<string, string>;
	/** Where the previous poll stopped in its oldest-first list (see `ListPosition`). */
	resume?: ListPosition;
	/**
	 * Reviews created before this (epoch ms) have been forgotten (dropped from `known`): no later
	 * window reaches back before it, or it would emit them again as new (see `windowStart`).
	 */
	horizon?: number;
}

/**
 * A place in an oldest-first list: the page (of the query with this `startDateTime`) that holds
 * the last review read. The next poll asks for that page again instead of re-reading from just
 * before the cursor, which in a dense list (many reviews a second) costs many pages per poll.
 */
export interface ListPosition {
	/** The `startDateTime` the list was asked for with; null when it had none. */
	startDateTime: string | null;
	page: number;
	/** The last review read: it must be on the page again, or the list moved and is read afresh. */
	lastId: string;
}

export interface KnownReview {
	created: number;
	version: number;
}

export interface ReviewStamp extends KnownReview {
	id: string;
}

export type Classification = 'new' | 'updated' | 'known' | 'ignored';

/** What a poll needs to know about the user's choices to classify reviews. */
export interface SyncSettings {
	watchUpdates: boolean;
	/** Reviews created before this (epoch ms) are never emitted ("Start From: A Date"). */
	notBefore: number | null;
	/** How far before the cursor each poll re-reads, for reviews that show up late. */
	lateWindowMs: number;
	/** With "New and Updated": how old a review may be and still be watched for changes. */
	updateWindowMs: number;
}

const SECOND = 1000;
/** How far a stored cursor may run ahead of the poll's clock (see `toState`). */
export const MAX_CLOCK_SKEW_MS = 60 * SECOND;

export function decodeKnown(record: IDataObject | undefined): Map<string, KnownReview> {
	const known = new Map<string, KnownReview>();
	for (const [id, packed] of Object.entries(record ?? {})) {
		const [created, version] = String(packed)
			.split('.')
			.map((part) => parseInt(part, 36));
		if (Number.isFinite(created) && Number.isFinite(version)) known.set(id, { created, version });
	}
	return known;
}

export function encodeKnown(known: Map<string, KnownReview>): Record<string, string> {
	const record: Record<string, string> = {};
	for (const [id, { created, version }] of known)
		record[id] = `${created.toString(36)}.${version.toString(36)}`;
	return record;
}

const QUERY_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function readPosition(raw: unknown): ListPosition | undefined {
	if (!isJsonObject(raw)) return undefined;
	const { startDateTime, page, lastId } = raw;
	const validStart =
		startDateTime === null ||
		(typeof startDateTime === 'string' && QUERY_DATE_TIME.test(startDateTime));
	if (!validStart || typeof page !== 'number' || !Number.isInteger(page) || page < 1)
		return undefined;
	if (typeof lastId !== 'string' || lastId === '') return undefined;
	return { startDateTime: startDateTime as string | null, page, lastId };
}

/**
 * The stored state of one list as this version can use it, or undefined to start afresh. Static
 * data may come from an older version or be damaged (edited, cut off, imported): a field that
 * cannot be read must not fail every poll from now on. A damaged cursor is taken from the newest
 * review remembered (they all lie in the last window), a damaged position is dropped (the window
 * is read again, recognised by id); with neither cursor nor memory the sync starts afresh.
 */
export function readUnitState(raw: unknown): UnitState | undefined {
	if (!isJsonObject(raw) || typeof raw.signature !== 'string') return undefined;
	const known = decodeKnown(isJsonObject(raw.known) ? raw.known : undefined);
	let cursor: number | null;
	if (raw.cursor === null) cursor = null;
	else if (typeof raw.cursor === 'number' && Number.isFinite(raw.cursor)) cursor = raw.cursor;
	else if (known.size > 0)
		cursor = [...known.values()].reduce(
			(newest, entry) => Math.max(newest, entry.created),
			-Infinity,
		);
	else return undefined;
	const state: UnitState = { signature: raw.signature, cursor, known: encodeKnown(known) };
	const resume = readPosition(raw.resume);
	if (resume) state.resume = resume;
	if (typeof raw.horizon === 'number' && Number.isFinite(raw.horizon)) state.horizon = raw.horizon;
	return state;
}

function parseTime(value: unknown): number | undefined {
	// No zone means UTC (Date.parse alone would read such a stamp in the n8n host's time zone).
	return typeof value === 'string' && value !== '' ? utcTimestampMs(value) : undefined;
}

/**
 * Content fingerprints (`contentVersion`) are 32-bit; versions read from a time are epoch ms, far
 * above (any time after February 1970), so the two kinds are never confused.
 */
const FINGERPRINT_LIMIT = 2 ** 32;

/** Reads a review's version; see `updatedAtVersion` and `contentVersion`. */
export type VersionOf = (review: IDataObject, created: number) => number;

/** Service reviews: `updatedAt`, or `createdAt` for a never-edited review. */
export const updatedAtVersion: VersionOf = (review, created) =>
	parseTime(review.updatedAt) ?? created;

/**
 * Product reviews have no `updatedAt` (neither the public nor the private shape documents it),
 * so their version is a fingerprint of what can change: stars, text, state, conversation and
 * the company's first comment. 32-bit FNV-1a, kept non-negative for the compact encoding.
 */
export const contentVersion: VersionOf = (review) => {
	const comment = review.firstCompanyComment as IDataObject | null | undefined;
	const text = JSON.stringify([
		review.stars ?? null,
		review.content ?? null,
		review.state ?? null,
		review.conversationId ?? null,
		comment && typeof comment === 'object' ? (comment.content ?? null) : null,
	]);
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
};

/** id, createdAt and version of a review. */
export function stampOf(
	review: IDataObject,
	versionOf: VersionOf = updatedAtVersion,
): ReviewStamp | undefined {
	const id =
		typeof review.id === 'string' || typeof review.id === 'number' ? String(review.id) : '';
	const created = parseTime(review.createdAt);
	if (id === '' || created === undefined) return undefined;
	return { id, created, version: versionOf(review, created) };
}

/**
 * Start of the re-read window. Trustpilot's date filter has whole seconds and an unspecified
 * inclusiveness, so callers ask from one second earlier still (`queryStartMs`).
 */
export function windowStartMs(
	cursor: number | null,
	nowMs: number,
	settings: SyncSettings,
): number | null {
	// No cursor yet: from the start date, or from the very first review.
	if (cursor === null) return settings.notBefore === null ? null : settings.notBefore - SECOND;
	let start = cursor - settings.lateWindowMs;
	if (settings.watchUpdates) start = Math.min(start, nowMs - settings.updateWindowMs);
	return settings.notBefore === null ? start : Math.max(start, settings.notBefore - SECOND);
}

export function floorToSecond(ms: number): number {
	return Math.floor(ms / SECOND) * SECOND;
}

/** The `startDateTime` to ask for so that every review at or after `fromMs` is included. */
export function queryStartMs(fromMs: number): number {
	return floorToSecond(fromMs) - SECOND;
}

/**
 * Classifies reviews against what earlier polls (and this one) already handled, and records
 * them. Works on a copy: the stored state changes only when the whole poll succeeded.
 */
export class ReviewTracker {
	readonly known: Map<string, KnownReview>;

	cursor: number | null;

	/** Where a resumable scan can continue (see `ListPosition`); set by the scan. */
	position: ListPosition | null = null;

	/** The position the previous poll left, when it may be used (see `toState`). */
	readonly resume: ListPosition | null;

	/** The cursor this poll started from (see `toState`). */
	private readonly startCursor: number | null;

	/** See `UnitState.horizon`. */
	private readonly horizon: number | null;

	constructor(
		state: UnitState | undefined,
		private readonly settings: SyncSettings,
	) {
		this.known = decodeKnown(state?.known);
		this.cursor = state?.cursor ?? null;
		this.startCursor = this.cursor;
		this.horizon = state?.horizon ?? null;
		this.resume = state?.resume ?? null;
	}

	/**
	 * Start of this poll's re-read window (see `windowStartMs`), never before the horizon of the
	 * reviews earlier polls forgot: a clock that reads earlier than theirs (a stale `Date` header,
	 * a host clock set back) would otherwise reach back over reviews emitted long ago.
	 */
	windowStart(nowMs: number): number | null {
		const start = windowStartMs(this.cursor, nowMs, this.settings);
		return start === null || this.horizon === null ? start : Math.max(start, this.horizon);
	}

	classify(stamp: ReviewStamp): Classification {
		if (this.settings.notBefore !== null && stamp.created < this.settings.notBefore)
			return 'ignored';
		const previous = this.known.get(stamp.id);
		if (!previous) return 'new';
		// Remembered by time (0.1.0 versioned product reviews by updatedAt or createdAt), now read
		// as a content fingerprint: the first fingerprint replaces it, it is no edit.
		if (previous.version >= FINGERPRINT_LIMIT && stamp.version < FINGERPRINT_LIMIT) return 'known';
		if (this.settings.watchUpdates && previous.version !== stamp.version) return 'updated';
		return 'known';
	}

	record(stamp: ReviewStamp): void {
		this.known.set(stamp.id, { created: stamp.created, version: stamp.version });
	}

	advanceCursor(created: number): void {
		if (this.cursor === null || created > this.cursor) this.cursor = created;
	}

	/**
	 * The state to store: entries that fell out of every future window are dropped. `nowMs` is
	 * the poll's clock (Trustpilot's when known), `hostNowMs` the n8n host's.
	 */
	toState(signature: string, nowMs: number, hostNowMs: number = nowMs): UnitState {
		const resume = this.resumable(nowMs) ? this.position : null;
		// A review stamped in the future (a source with a skewed clock) must not carry the cursor
		// past reviews still to come: it never goes beyond the poll's clock plus a small skew, and
		// never further than the Late Review Window reaches back, so the next window covers "now".
		const slack = Math.min(MAX_CLOCK_SKEW_MS, this.settings.lateWindowMs);
		let ceiling = nowMs + slack;
		// Nor does a clock that reads earlier than the one of an earlier poll (a wrong `Date`
		// header) take the cursor back behind where that poll left it: the reviews of the windows
		// before were forgotten (below), and a window that reaches back over them again would emit
		// them as new. A stored cursor beyond the host's clock too may still be taken back.
		if (this.startCursor !== null)
			ceiling = Math.max(ceiling, Math.min(this.startCursor, hostNowMs + slack));
		if (this.cursor !== null && this.cursor > ceiling) this.cursor = ceiling;
		const start = windowStartMs(this.cursor, nowMs, this.settings);
		// Two seconds of slack: the next window can only start later than this one, and its
		// query starts up to two seconds before the window (see `queryStartMs`).
		const keepFrom = start === null ? null : start - 2 * SECOND;
		const kept = new Map<string, KnownReview>();
		for (const [id, entry] of this.known) {
			if (keepFrom === null || entry.created >= keepFrom) kept.set(id, entry);
		}
		const state: UnitState = { signature, cursor: this.cursor, known: encodeKnown(kept) };
		if (resume) state.resume = resume;
		const horizon =
			keepFrom === null ? this.horizon : Math.max(keepFrom, this.horizon ?? -Infinity);
		if (horizon !== null) state.horizon = horizon;
		return state;
	}

	/**
	 * Whether the next poll may continue from `position` rather than re-read its window. Every
	 * review read so far must be older than anything the window re-reads for: a review that shows
	 * up late is at most the Late Review Window old when it does, so after this poll it sorts
	 * after everything read now; and reviews watched for edits must not lie behind the position.
	 * Checked against the cursor before `toState` caps it (a review stamped in the future).
	 */
	private resumable(nowMs: number): boolean {
		if (this.position === null || this.cursor === null) return false;
		// One second more: a server that stamps whole seconds may give a later review this one's.
		if (this.cursor >= nowMs - this.settings.lateWindowMs - SECOND) return false;
		return !this.settings.watchUpdates || this.cursor < nowMs - this.settings.updateWindowMs;
	}
}
