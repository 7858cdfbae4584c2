/** Prints the metrics and saves them as .cache/fault-metrics/<name>.json. */
export declare function reportMetrics(name: string, data: unknown): void;
