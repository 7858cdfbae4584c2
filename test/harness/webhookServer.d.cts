/** A request as n8n's webhook server hands it to a trigger node (an Express request subset). */
export interface WebhookRequest {
	method: string;
	url: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
	/** Parsed JSON, a string for text/plain, or {} for other content types. */
	body: unknown;
	rawBody: Uint8Array;
	contentType: string;
}

/** The Express response methods trigger nodes use. */
export interface WebhookResponse {
	readonly headersSent: boolean;
	readonly statusCode: number;
	status(code: number): WebhookResponse;
	setHeader(name: string, value: string): WebhookResponse;
	json(body: unknown): WebhookResponse;
	send(body?: unknown): WebhookResponse;
	end(body?: string): WebhookResponse;
}

export interface ReceivedWebhookRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface WebhookServer {
	/** e.g. http://127.0.0.1:40123 (no trailing slash). */
	url: string;
	port: number;
	/** Every request received, in arrival order (raw body text). */
	requests: ReceivedWebhookRequest[];
	close(): Promise<void>;
}

/**
 * Starts a loopback server; each request is parsed the way n8n parses webhook bodies and passed
 * to `handler`. A handler that leaves the response open gets it ended (empty 200).
 */
export declare function startWebhookServer(
	handler: (request: WebhookRequest, response: WebhookResponse) => Promise<void>,
): Promise<WebhookServer>;
