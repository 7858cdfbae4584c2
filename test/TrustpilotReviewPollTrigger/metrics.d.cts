/** Saves a run's measurements as .cache/trigger-metrics/<name>.json. */
export declare function writeMetrics(name: string, data: unknown): void;
