export interface ReceivedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface HttpSink {
	/** e.g. http://127.0.0.1:40123 (no trailing slash). */
	url: string;
	port: number;
	/** Every request received so far, in arrival order. */
	received: ReceivedRequest[];
	close(): Promise<void>;
}

export declare function startHttpSink(reply?: {
	status?: number;
	body?: string;
	contentType?: string;
}): Promise<HttpSink>;
