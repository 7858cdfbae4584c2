// Date parsing/formatting in the formats Trustpilot documents.

export const iso = (ms) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

const ISO_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses `2013-09-07T13:37:00` style values (docs: no time → 00:00:00). Without a zone the value
 * is taken as UTC (Trustpilot leaves the zone unspecified). Returns epoch ms or null if invalid.
 */
export function parseApiDateTime(value) {
	if (typeof value !== 'string') return null;
	const match = ISO_PATTERN.exec(value.trim());
	if (!match) return null;
	const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '0', zone] = match;
	const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
	let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, millis);
	const check = new Date(Date.UTC(+y, +mo - 1, +d));
	if (
		check.getUTCMonth() !== +mo - 1 ||
		check.getUTCDate() !== +d ||
		+h > 23 ||
		+mi > 59 ||
		+s > 59
	) {
		return null;
	}
	if (zone && zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
	}
	return ms;
}

const US_PATTERN = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Parses the invitation-API time formats: `MM/dd/yyyy HH:mm:ss` (docs) or ISO 8601 (community
 * examples). Both are UTC. Returns epoch ms or null.
 */
export function parseInvitationTime(value) {
	if (typeof value !== 'string') return null;
	const match = US_PATTERN.exec(value.trim());
	if (match) {
		const [, mo, d, y, h, mi, s] = match.map(Number);
		const ms = Date.UTC(y, mo - 1, d, h, mi, s);
		const check = new Date(ms);
		if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
			return null;
		}
		return ms;
	}
	return parseApiDateTime(value);
}

/** Issues strictly increasing timestamps: "now", but never equal to or before the last one issued. */
export function createClock() {
	let last = 0;
	return {
		next(floor = 0) {
			const candidate = Math.max(Date.now(), last + 1, floor + 1);
			last = candidate;
			return candidate;
		},
		now: () => Date.now(),
	};
}
