// Error shapes. Trustpilot's error bodies are undocumented and differ by layer (Apigee gateway,
// OAuth server, API services), so the emulator uses three shapes on purpose - see README.

/** Thrown by handlers; the server turns it into an HTTP response. */
export class ApiError extends Error {
	constructor(status, body, headers = {}) {
		super(typeof body === 'object' && body !== null ? JSON.stringify(body) : String(body));
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** API-service shape: {"errorCode":400,"message":"field: problem"}. */
export function serviceError(status, message) {
	return new ApiError(status, { errorCode: status, message });
}

export const badRequest = (field, problem) => serviceError(400, `${field}: ${problem}`);
export const notFound = (message) => serviceError(404, message);
export const forbidden = (message) => serviceError(403, message);
export const conflict = (message) => serviceError(409, message);
export const unsupportedMediaType = (expected) =>
	serviceError(415, `Content-Type must be ${expected}`);

/** Apigee gateway shape, used for API-key, access-token and quota failures. */
export function apigeeFault(status, faultstring, errorcode) {
	return new ApiError(status, { fault: { faultstring, detail: { errorcode } } });
}

export const invalidApiKey = () => apigeeFault(401, 'Invalid ApiKey', 'oauth.v2.InvalidApiKey');
export const invalidAccessToken = () =>
	apigeeFault(401, 'Invalid access token', 'oauth.v2.InvalidAccessToken');
export const expiredAccessToken = () =>
	apigeeFault(401, 'Access Token expired', 'keymanagement.service.access_token_expired');
export const quotaViolation = () =>
	apigeeFault(
		429,
		'Rate limit quota violation. Quota limit exceeded.',
		'policies.ratelimit.QuotaViolation',
	);

/** OAuth server shape: {"ErrorCode":"invalid_grant","Error":"..."}. */
export function oauthError(status, errorCode, text) {
	return new ApiError(status, { ErrorCode: errorCode, Error: text });
}
