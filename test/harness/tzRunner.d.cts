export function parseUnderTimeZone(
	tz: string,
	inputs: unknown[],
): { offsetMinutes: number; results: string[] };
