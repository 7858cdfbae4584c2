export interface HygieneEntry {
	kind: string;
	file: string | null;
	test: string | null;
	text: string;
	secrets: string[];
}

export interface HygieneFinding {
	where: string;
	file: string | null;
	test: string | null;
	/** Masked: the first three characters and the length. */
	secret: string;
	/** The text around the hit, with the secret replaced by asterisks. */
	excerpt: string;
}

export declare class SecretSet {
	readonly size: number;
	readonly tooShort: number;
	add(secret: unknown, origin: string): void;
	addPair(user: unknown, secret: unknown, origin: string): void;
	findIn(text: string): Array<{ label: string; at: number; length: number }>;
}

export declare function readRecords(dir: string): HygieneEntry[];
export declare function scan(input: { entries: HygieneEntry[]; secrets: SecretSet }): {
	findings: HygieneFinding[];
	counts: Record<string, number>;
	secretCount: number;
	tooShort: number;
};
export declare function variantsOf(secret: string): string[];
export declare const MIN_SECRET_LENGTH: number;
