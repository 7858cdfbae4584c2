/** What a test run produced, for the secret-hygiene scan (see runRecorder.cjs). */
export declare function recordRun(kind: string, payload: unknown, secretSource?: unknown): void;
/** Secrets a test used that no recorded run carries. */
export declare function recordSecrets(values: string[]): void;
export declare function serialize(value: unknown): string;
export declare function secretsOf(source: unknown): string[];
export declare const SECRET_FIELDS: string[];
/** Whether this jest run records (the hygiene reporter is configured). */
export declare function isRecording(): boolean;
