package eco.qubeprepaid.sandbox.messaging.model;

/**
 * How receipts are retried: an attempt without a 2xx within the timeout fails and is
 * tried again after the initial delay, doubling up to the maximum, for at most the given
 * number of attempts (the first included).
 *
 * @param timeoutMs an attempt without an answer within this fails
 * @param retryInitialMs delay after the first failed attempt
 * @param retryMaxMs longest delay between attempts
 * @param maxAttempts most attempts per receipt
 */
public record ReceiptPolicy(long timeoutMs, long retryInitialMs, long retryMaxMs, int maxAttempts) {

	public ReceiptPolicy {
		if (timeoutMs <= 0 || retryInitialMs <= 0 || retryMaxMs < retryInitialMs || maxAttempts < 1
				|| maxAttempts > MessagingChoices.RECEIPT_MAX_ATTEMPTS_LIMIT) {
			throw new IllegalArgumentException("Bad receipt retry policy: timeout " + timeoutMs + " ms, retry "
					+ retryInitialMs + ".." + retryMaxMs + " ms, " + maxAttempts + " attempts");
		}
	}

	/**
	 * The wait after the {@code failedAttempts}-th failed attempt (1-based): the initial
	 * delay doubled per earlier failure, never more than the maximum; -1 when no attempt
	 * is left.
	 */
	public long retryDelayMs(int failedAttempts) {
		if (failedAttempts >= this.maxAttempts) {
			return -1;
		}
		long delay = this.retryInitialMs;
		for (int i = 1; i < failedAttempts && delay < this.retryMaxMs; i++) {
			delay *= 2;
		}
		return Math.min(delay, this.retryMaxMs);
	}

}
