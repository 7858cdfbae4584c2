import type { ICredentialDataDecryptedObject, INode, Logger } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FailedResponse } from './errors';
import { retryAfterMs, retryDelayMs } from './retry';

/**
 * Budget-aware pacing: every call to Trustpilot takes a slot in sliding windows kept per API key
 * for this process, so a long Return All or backfill slows down to the budget instead of running
 * into 429s. Trustpilot documents 833 calls per 5 minutes and 10,000 per hour
 * (developers.trustpilot.com, "Rate limiting"); accounts with other limits set them in the
 * credential.
 */

export interface BudgetWindow {
	calls: number;
	ms: number;
}

export interface PacingSettings {
	windows: BudgetWindow[];
	/** The longest single wait accepted before an item fails instead. */
	maxWaitMs: number;
}

export const DOCUMENTED_LIMITS = {
	shortWindowCalls: 833,
	shortWindowSeconds: 300,
	longWindowCalls: 10000,
	longWindowSeconds: 3600,
	maxWaitMinutes: 60,
};

/** Waits at least this long are logged (why and for how long). */
const LOG_WAITS_FROM_MS = 1000;
/** Exponential backoff tries before an unexplained 429 makes us wait out a whole window. */
const BACKOFFS_BEFORE_WINDOW_WAIT = 4;

function positive(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : fallback;
}

/** The limits the credential asks for; undefined when pacing is switched off. */
export function pacingSettingsOf(
	credentials: ICredentialDataDecryptedObject,
): PacingSettings | undefined {
	const mode = credentials.rateLimits ?? 'documented';
	if (mode === 'off') return undefined;
	const limits =
		mode === 'custom'
			? {
					shortWindowCalls: Math.floor(
						positive(credentials.shortWindowCalls, DOCUMENTED_LIMITS.shortWindowCalls),
					),
					shortWindowSeconds: positive(
						credentials.shortWindowSeconds,
						DOCUMENTED_LIMITS.shortWindowSeconds,
					),
					longWindowCalls: Math.floor(
						positive(credentials.longWindowCalls, DOCUMENTED_LIMITS.longWindowCalls),
					),
					longWindowSeconds: positive(
						credentials.longWindowSeconds,
						DOCUMENTED_LIMITS.longWindowSeconds,
					),
				}
			: DOCUMENTED_LIMITS;
	const windows = [
		{ calls: limits.shortWindowCalls, ms: limits.shortWindowSeconds * 1000 },
		{ calls: limits.longWindowCalls, ms: limits.longWindowSeconds * 1000 },
	].sort((a, b) => a.ms - b.ms);
	const maxWaitMinutes = positive(
		credentials.maxRateLimitWaitMinutes,
		DOCUMENTED_LIMITS.maxWaitMinutes,
	);
	return { windows, maxWaitMs: maxWaitMinutes * 60 * 1000 };
}

/**
 * A request is counted from the moment it is sent, but Trustpilot counts it when it arrives: a
 * slot is held a little longer than the window so the two clocks never disagree.
 */
export function slackMs(window: BudgetWindow): number {
	return Math.ceil(window.ms / 100);
}

/** Send times of the calls made with one API key (sorted; older than every window dropped). */
export class CallBudget {
	private stamps: number[] = [];

	private head = 0;

	get size(): number {
		return this.stamps.length - this.head;
	}

	private at(index: number): number {
		return this.stamps[this.head + index];
	}

	private forget(before: number): void {
		while (this.head < this.stamps.length && this.stamps[this.head] < before) this.head++;
		if (this.head > 4096 && this.head * 2 > this.stamps.length) {
			this.stamps = this.stamps.slice(this.head);
			this.head = 0;
		}
	}

	/** Earliest time (≥ now) at which one more call fits in every window. */
	nextSlot(windows: BudgetWindow[], now: number): number {
		const longest = windows.reduce((max, window) => Math.max(max, window.ms + slackMs(window)), 0);
		this.forget(now - longest);
		let slot = this.size > 0 ? Math.max(now, this.at(this.size - 1)) : now;
		for (const window of windows) {
			if (window.calls < 1 || this.size < window.calls) continue;
			// With `calls` stamps held inside the window, the oldest of them has to leave it first.
			const leaving = this.at(this.size - window.calls);
			slot = Math.max(slot, leaving + window.ms + slackMs(window));
		}
		return slot;
	}

	take(slot: number): void {
		this.stamps.push(slot);
	}

	/**
	 * Moves a call's stamp from its planned send time to the time its answer arrived: the server
	 * counted it somewhere in between, so from then on the slot is held for certain. (A token
	 * request made on the way, or a slow connection, would otherwise shift the server's count
	 * past ours.) Keeps the stamps sorted; concurrent calls only move a few places.
	 */
	settle(slot: number, answeredAt: number): void {
		let index = this.stamps.length - 1;
		while (index >= this.head && this.stamps[index] !== slot) index--;
		if (index < this.head || answeredAt <= slot) return;
		while (index + 1 < this.stamps.length && this.stamps[index + 1] < answeredAt) {
			this.stamps[index] = this.stamps[index + 1];
			index++;
		}
		this.stamps[index] = answeredAt;
	}

	/** When our oldest call still inside `window` leaves it (now + window when there is none). */
	windowFreesAt(window: BudgetWindow, now: number): number {
		for (let index = 0; index < this.size; index++) {
			const stamp = this.at(index);
			if (stamp > now - window.ms - slackMs(window)) return stamp + window.ms + slackMs(window);
		}
		return now + window.ms;
	}
}

const budgets = new Map<string, CallBudget>();

/** The wall clock as last read by `budgetClock`, and how far it has been set back in total. */
let lastWallMs = -Infinity;
let setBackMs = 0;

/**
 * The time the budgets are kept in: the wall clock, except that it never goes back. A host clock
 * that is set back (NTP, an operator, a resumed VM) would otherwise leave every call sent before
 * in "the future", and each later call would wait until the clock is where it was (or fail when
 * that is longer than the maximum wait).
 */
export function budgetClock(): number {
	const wall = Date.now();
	if (wall < lastWallMs) setBackMs += lastWallMs - wall;
	lastWallMs = wall;
	return wall + setBackMs;
}

/** One budget per API key and API host in this process, shared by every node and execution. */
export function budgetFor(
	credentials: ICredentialDataDecryptedObject,
	apiBaseUrl: string,
): CallBudget {
	const key = `${apiBaseUrl}\n${String(credentials.apiKey ?? '')}`;
	let budget = budgets.get(key);
	if (!budget) {
		budget = new CallBudget();
		budgets.set(key, budget);
	}
	return budget;
}

export function describeDuration(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function describeWindows(windows: BudgetWindow[]): string {
	return windows
		.map((window) => `${window.calls.toLocaleString('en-US')} per ${describeDuration(window.ms)}`)
		.join(' and ');
}

interface PacerContext {
	node: INode;
	itemIndex: number;
	logger?: Logger;
}

/** What the transport asks before each call and after each 429 of one request. */
export class Pacer {
	/** 429 answers to this request so far. */
	private rateLimited = 0;

	private pendingSlot: number | undefined;

	constructor(
		private readonly budget: CallBudget,
		private readonly settings: PacingSettings,
		private readonly context: PacerContext,
		private readonly now: () => number = Date.now,
		/** The wall clock, for a Retry-After given as an HTTP date. */
		private readonly wallNow: () => number = now,
	) {}

	private tooLong(waitMs: number, cause: string): NodeOperationError {
		return new NodeOperationError(
			this.context.node,
			`Trustpilot's rate limit: the next call would wait ${describeDuration(waitMs)}, longer than the ${describeDuration(this.settings.maxWaitMs)} allowed`,
			{
				itemIndex: this.context.itemIndex,
				description: `${cause} The budget of this API key is ${describeWindows(this.settings.windows)}. Run it again later, or raise "Max Wait for the Rate Limit" in the Trustpilot credential.`,
			},
		);
	}

	private log(waitMs: number, why: string): void {
		if (waitMs < LOG_WAITS_FROM_MS) return;
		this.context.logger?.info(
			`Trustpilot: waiting ${describeDuration(waitMs)} before the next call (${why}; node "${this.context.node.name}")`,
		);
	}

	/** Milliseconds to wait before sending; the slot is taken at once (so parallel runs queue up). */
	reserve(): number {
		const now = this.now();
		const slot = this.budget.nextSlot(this.settings.windows, now);
		const waitMs = slot - now;
		if (waitMs > this.settings.maxWaitMs) {
			throw this.tooLong(waitMs, 'This API key has used its budget in this n8n process.');
		}
		this.budget.take(slot);
		this.pendingSlot = slot;
		this.log(waitMs, `the budget of ${describeWindows(this.settings.windows)} is used up`);
		return waitMs;
	}

	/** The call reserved last has been answered (or failed): its slot counts from now. */
	settle(): void {
		if (this.pendingSlot === undefined) return;
		this.budget.settle(this.pendingSlot, this.now());
		this.pendingSlot = undefined;
	}

	/**
	 * Milliseconds to wait after a 429, or undefined to give up and surface the 429. Throws when
	 * the wait would exceed the maximum.
	 */
	afterRateLimit(failure: FailedResponse): number | undefined {
		const now = this.now();
		const longest = this.settings.windows[this.settings.windows.length - 1];
		// Retry-After, capped: a sliding window is empty again after its length at the latest.
		const asked = retryAfterMs(failure.headers, this.wallNow());
		const told = asked === undefined ? undefined : Math.min(asked, longest.ms);
		// Every 429 of this request counts, also one that says "retry now": a server answering
		// Retry-After: 0 again and again would otherwise be asked again forever.
		const answered = this.rateLimited++;
		if (answered < BACKOFFS_BEFORE_WINDOW_WAIT) {
			if (told !== undefined) {
				if (told > this.settings.maxWaitMs) {
					throw this.tooLong(told, 'Trustpilot answered 429 and asked to wait (Retry-After).');
				}
				this.log(told, 'Trustpilot answered 429 and asked to wait (Retry-After)');
				return told;
			}
			// Our own calls alone fill a window: the next reservation waits for it to free up.
			if (this.budget.nextSlot(this.settings.windows, now) > now) return 0;
			// Someone else uses the key too (or the limits are lower than set): back off briefly.
			return retryDelayMs(failure, answered, Math.random, this.wallNow());
		}
		// Still refused: wait for each window in turn to free up (or longer if told), then give up.
		const window = this.settings.windows[answered - BACKOFFS_BEFORE_WINDOW_WAIT];
		if (!window) return undefined;
		const waitMs = Math.max(told ?? 0, this.budget.windowFreesAt(window, now) - now);
		if (waitMs > this.settings.maxWaitMs) {
			throw this.tooLong(
				waitMs,
				'Trustpilot keeps answering 429 although this process stayed inside the budget: the key is probably used elsewhere too.',
			);
		}
		this.log(
			waitMs,
			`Trustpilot keeps answering 429; waiting for its ${describeDuration(window.ms)} window to free up`,
		);
		return waitMs;
	}
}

/** The pacer for one request, or undefined when the credential switches pacing off. */
export function pacerFor(
	credentials: ICredentialDataDecryptedObject,
	apiBaseUrl: string,
	context: PacerContext,
): Pacer | undefined {
	const settings = pacingSettingsOf(credentials);
	if (!settings) return undefined;
	return new Pacer(budgetFor(credentials, apiBaseUrl), settings, context, budgetClock, Date.now);
}
