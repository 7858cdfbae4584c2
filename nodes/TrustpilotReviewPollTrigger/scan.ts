import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { toTrustpilotDateTime } from '../shared/validate';
import {
	iterateOverlapping,
	iteratePages,
	shortPageError,
	type Page,
} from '../Trustpilot/transport/pagination';
import {
	queryStartMs,
	stampOf,
	type ReviewStamp,
	type ReviewTracker,
	type SyncSettings,
} from './cursor';
import type { ReviewSource } from './sources';

export interface Change {
	review: IDataObject;
	change: 'new' | 'updated';
}

export interface ScanOptions {
	settings: SyncSettings;
	nowMs: number;
	/** Record what exists without emitting it (first poll of "Start From: Now"). */
	silent: boolean;
	maxItems: number;
	/** No new request starts after this time (epoch ms); the rest waits for the next poll. */
	deadlineMs: number;
}

function hasNextPage(page: Page): boolean {
	const links = Array.isArray(page.response.links) ? (page.response.links as IDataObject[]) : [];
	return links.some((link) => link.rel === 'next-page');
}

/**
 * How many reviews a page may re-read when the list is asked again from its last second (see
 * `scanAscending`): at most this share of a page is spent on the overlap.
 */
const MAX_REANCHOR_REREAD = 5;

/**
 * Oldest-first list with a date filter, read from the window's start: N reviews cost about
 * ⌈N/100⌉ pages whether `startDateTime` is inclusive or exclusive (the query starts a second
 * early and reviews before the window are skipped), and however many reviews share one
 * timestamp. Each next page is asked from the second before the last review read (re-reading
 * the few reviews of that second, recognised by id), so a review deleted meanwhile from an
 * earlier page cannot shift an unread one onto a page already read; only pages that hold
 * little more than one second go on by page number. Reviews that arrive meanwhile are the
 * newest and join the end of the list; one that lands behind the position (stamped earlier) is
 * read by the next poll's window.
 *
 * A poll continues where the previous one stopped (`tracker.resume`): it asks for the page that
 * held the last review read and checks that this review is still on it, so a backfill over many
 * bounded polls costs one page more per poll instead of re-reading the window before the cursor.
 * If the review is gone (the list moved), the window is read afresh.
 *
 * Reported reviews of the window are read first (see `readReported`) and merged into the list
 * by creation time, so they count towards Max Items and keep the oldest-first order whether or
 * not the main list includes them.
 */
export async function scanAscending(
	ctx: IPollFunctions,
	source: ReviewSource,
	tracker: ReviewTracker,
	options: ScanOptions,
): Promise<Change[]> {
	const changes: Change[] = [];
	const pageSize = source.request.maxPageSize;
	const windowStart = tracker.windowStart(options.nowMs);
	const reported = await readReported(ctx, source, windowStart);
	/** Handles one review in order; true when Max Items is reached. */
	const take = (review: IDataObject, stamp: ReviewStamp): boolean => {
		const kind = tracker.classify(stamp);
		if (kind === 'ignored') return false;
		if (!options.silent && (kind === 'new' || kind === 'updated'))
			changes.push({ review, change: kind });
		tracker.record(stamp);
		tracker.advanceCursor(stamp.created);
		return !options.silent && changes.length >= options.maxItems;
	};
	/** Takes the reported reviews created up to `until` (all when undefined); true when full. */
	const takeReported = (until?: number): boolean => {
		while (reported.length > 0 && (until === undefined || reported[0].stamp.created <= until)) {
			const next = reported.shift()!;
			if (take(next.review, next.stamp)) return true;
		}
		return false;
	};
	/**
	 * At the end of the list: the reported reviews newer than its last review. They are taken, but
	 * the cursor stays with the list: the end of a list that was cut short (an empty or partial
	 * answer) must not move it past reviews of the list not read yet. The next poll's window
	 * starts before them again and recognises them by id.
	 */
	const takeReportedAfterList = () => {
		const cursor = tracker.cursor;
		takeReported();
		tracker.cursor = cursor;
	};
	/**
	 * Reads the list from `start` (a `ListPosition` to continue from); false when `start` moved.
	 * After each page the list is asked again from the second before its last review (page 1 of
	 * a later `startDateTime`) when that re-reads only a few reviews: a review deleted from an
	 * earlier page between two requests then cannot move the next page's first review onto the
	 * page already read. Where a page holds little more than one second (ties, bulk imports), it
	 * goes on by page number, which re-reads nothing.
	 */
	const read = async (startDateTime: string | null, firstPage: number, mustHold?: string) => {
		let from = startDateTime;
		let pageNumber = firstPage;
		let checked = mustHold === undefined;
		/** Cleared when the server shows that it ignores `startDateTime`. */
		let anchoring = true;
		for (;;) {
			const qs: IDataObject = { ...(source.request.qs ?? {}), page: pageNumber };
			if (from !== null) qs.startDateTime = from;
			const fromMs = from === null ? null : Date.parse(`${from}Z`);
			let anchor: string | undefined;
			let firstOfQuery = true;
			for await (const page of iteratePages(ctx, { ...source.request, qs })) {
				if (!checked) {
					if (!page.items.some((review) => stampOf(review, source.versionOf)?.id === mustHold))
						return false;
					checked = true;
				}
				const number = Number(page.query.page ?? pageNumber);
				let last: ReviewStamp | undefined;
				let tail = 0;
				for (const review of page.items) {
					const stamp = stampOf(review, source.versionOf);
					if (!stamp) continue;
					if (firstOfQuery && fromMs !== null && stamp.created < fromMs) anchoring = false;
					firstOfQuery = false;
					last = stamp;
					tracker.position = { startDateTime: from, page: number, lastId: stamp.id };
					// Older than the window: handled by an earlier poll (a resumed list starts earlier,
					// and a server may ignore the filter).
					if (windowStart !== null && stamp.created < windowStart) continue;
					// Stopping mid-page is safe: the next poll asks for this page again.
					if (takeReported(stamp.created)) return true;
					if (take(review, stamp)) return true;
				}
				if (!hasNextPage(page)) {
					// The whole list was read: reported reviews newer than its last review come now.
					takeReportedAfterList();
					return true;
				}
				// Fewer than asked, yet more follow: page numbers would skip what this page left out.
				const short = page.items.length < pageSize;
				if (!options.silent && Date.now() > options.deadlineMs) return true;
				if (anchoring && last !== undefined) {
					const anchorMs = queryStartMs(last.created);
					for (const review of page.items) {
						const stamp = stampOf(review, source.versionOf);
						if (stamp && stamp.created >= anchorMs) tail++;
					}
					if ((fromMs === null || anchorMs > fromMs) && (short || tail <= MAX_REANCHOR_REREAD)) {
						anchor = toTrustpilotDateTime(new Date(anchorMs));
						break;
					}
				}
				if (short) throw shortPageError(ctx, source.request);
			}
			if (anchor === undefined) {
				takeReportedAfterList();
				return true;
			}
			from = anchor;
			pageNumber = 1;
		}
	};
	const resume = tracker.resume;
	if (resume && (await read(resume.startDateTime, resume.page, resume.lastId))) return changes;
	tracker.position = null;
	const from =
		windowStart === null ? null : toTrustpilotDateTime(new Date(queryStartMs(windowStart)));
	await read(from, 1);
	return changes;
}

/**
 * Newest-first list without a date filter: reads from the top down to the re-read window.
 * Reviews pushed down a page by new arrivals, or read again in the overlap between pages, are
 * counted once (by id). With more changes
 * than Max Items, the oldest ones are emitted and the cursor stays below the rest, which come
 * with the next poll; memory holds at most Max Items reviews plus one page.
 */
export async function scanDescending(
	ctx: IPollFunctions,
	source: ReviewSource,
	tracker: ReviewTracker,
	options: ScanOptions,
): Promise<Change[]> {
	const start = tracker.windowStart(options.nowMs);
	const previousCursor = tracker.cursor;
	const seen = new Set<string>();
	const unchanged: ReviewStamp[] = [];
	const pending: Array<Change & { stamp: ReviewStamp }> = [];
	let oldestHeldBack: number | undefined;
	let complete = true;

	// Position-based: pages overlap so a deletion between two requests cannot shift a review past.
	for await (const page of iterateOverlapping(ctx, source.request)) {
		let pageOldest = Infinity;
		for (const review of page.items) {
			const stamp = stampOf(review, source.versionOf);
			if (!stamp) continue;
			pageOldest = Math.min(pageOldest, stamp.created);
			if (seen.has(stamp.id)) continue;
			seen.add(stamp.id);
			if (start !== null && stamp.created < start) continue;
			const kind = tracker.classify(stamp);
			if (kind === 'ignored') continue;
			if (kind === 'known' || options.silent) {
				unchanged.push(stamp);
				continue;
			}
			pending.push({ review, change: kind, stamp });
			if (pending.length > options.maxItems) {
				// Keep the oldest changes: the newest one waits for the next poll.
				oldestHeldBack = pending.shift()!.stamp.created;
			}
		}
		if (start !== null && pageOldest < start) break;
		if (page.isLast) break;
		if (!options.silent && Date.now() > options.deadlineMs) {
			complete = false;
			break;
		}
	}

	for (const stamp of unchanged) {
		tracker.record(stamp);
		tracker.advanceCursor(stamp.created);
	}
	pending.reverse();
	for (const { stamp } of pending) {
		tracker.record(stamp);
		tracker.advanceCursor(stamp.created);
	}
	if (!complete) {
		// Older pages were not read: keep the window where it was so they are read next time.
		tracker.cursor = previousCursor;
	} else if (oldestHeldBack !== undefined && tracker.cursor !== null) {
		tracker.cursor = Math.min(tracker.cursor, oldestHeldBack);
	}
	return pending.map(({ review, change }) => ({ review, change }));
}

/**
 * The reported reviews of the window, oldest first, asked for with `reported=true`. Whether a
 * server honours `includeReportedReviews` is not settled (a server that ignores it hides reported
 * reviews from the main list for good), so they are read this way too and merged into the main
 * pass; a review is emitted once, whichever list shows it first. Costs one request per poll and
 * business unit (reported reviews are few).
 */
async function readReported(
	ctx: IPollFunctions,
	source: ReviewSource,
	windowStart: number | null,
): Promise<Array<{ review: IDataObject; stamp: ReviewStamp }>> {
	if (!source.reportedRequest) return [];
	const found: Array<{ review: IDataObject; stamp: ReviewStamp }> = [];
	const qs: IDataObject = { ...(source.reportedRequest.qs ?? {}) };
	if (windowStart !== null)
		qs.startDateTime = toTrustpilotDateTime(new Date(queryStartMs(windowStart)));
	for await (const page of iteratePages(ctx, { ...source.reportedRequest, qs })) {
		for (const review of page.items) {
			const stamp = stampOf(review, source.versionOf);
			if (!stamp) continue;
			if (windowStart !== null && stamp.created < windowStart) continue;
			found.push({ review, stamp });
		}
	}
	// Stable: reviews of one second keep the order the list gave them.
	return found.sort((a, b) => a.stamp.created - b.stamp.created);
}
