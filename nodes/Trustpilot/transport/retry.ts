// The retry policy lives with the other logic shared by the nodes and the credential.
export {
	isRetryable,
	outcomeUncertain,
	RETRY_POLICY,
	retryAfterMs,
	retryDelayMs,
	type RetryableFailure,
} from '../../shared/retry';
