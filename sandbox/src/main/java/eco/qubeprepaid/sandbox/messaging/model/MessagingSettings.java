package eco.qubeprepaid.sandbox.messaging.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The runtime knobs of the provider: the faults and where receipts go. Immutable and
 * validated; a change is a new value ({@link #with}). Field names in refusals are the
 * admin API's.
 *
 * @param outage every send answers 503 and nothing is recorded
 * @param failureRatio share of sends answered 500 with nothing recorded (0..1)
 * @param undeliverableRatio share of accepted messages that fail with {@code undelivered}
 * (0..1)
 * @param blockedNumbers E.164 numbers whose messages are accepted but fail with
 * {@code dnd_blocked} (no duplicates, in the order given)
 * @param receiptUrl where receipts are POSTed, or empty for no callbacks
 * @param receiptDelayMs from acceptance to the receipt
 */
public record MessagingSettings(boolean outage, double failureRatio, double undeliverableRatio,
		List<String> blockedNumbers, String receiptUrl, long receiptDelayMs) {

	public MessagingSettings {
		ratio("failureRatio", failureRatio);
		ratio("undeliverableRatio", undeliverableRatio);
		List<String> numbers = new ArrayList<>(
				new LinkedHashSet<>((blockedNumbers != null) ? blockedNumbers : List.of()));
		for (String number : numbers) {
			if (!SendRequest.isE164(number)) {
				throw MessagingException.invalidNumber("blockedNumbers", String.valueOf(number));
			}
		}
		blockedNumbers = List.copyOf(numbers);
		receiptUrl = (receiptUrl != null) ? receiptUrl.trim() : "";
		if (!receiptUrl.isEmpty() && !isHttpUrl(receiptUrl)) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_RECEIPT_URL, receiptUrl));
		}
		if (receiptDelayMs < 0 || receiptDelayMs > MessagingChoices.RECEIPT_DELAY_MAX_MS) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_RECEIPT_DELAY, receiptDelayMs));
		}
	}

	/** Whether receipts have somewhere to go. */
	public boolean hasReceiptUrl() {
		return !this.receiptUrl.isEmpty();
	}

	/** Whether messages to the number fail as do-not-disturb. */
	public boolean blocks(String number) {
		return this.blockedNumbers.contains(number);
	}

	/** These settings with the patch's non-null values; validated again. */
	public MessagingSettings with(Patch patch) {
		return new MessagingSettings(or(patch.outage(), this.outage), or(patch.failureRatio(), this.failureRatio),
				or(patch.undeliverableRatio(), this.undeliverableRatio),
				or(patch.blockedNumbers(), this.blockedNumbers), or(patch.receiptUrl(), this.receiptUrl),
				or(patch.receiptDelayMs(), this.receiptDelayMs));
	}

	/** Whether the text is an absolute http(s) URL with a host. */
	public static boolean isHttpUrl(String text) {
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& !uri.getHost().isEmpty();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static void ratio(String field, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_RATIO, field, value));
		}
	}

	/**
	 * A partial change: null leaves a setting as it is (an empty receiptUrl clears it, an
	 * empty list unblocks every number).
	 *
	 * @param outage new outage flag
	 * @param failureRatio new failure ratio
	 * @param undeliverableRatio new undeliverable ratio
	 * @param blockedNumbers the new blocked numbers (replaces the list)
	 * @param receiptUrl new receipt URL or empty
	 * @param receiptDelayMs new receipt delay
	 */
	public record Patch(Boolean outage, Double failureRatio, Double undeliverableRatio, List<String> blockedNumbers,
			String receiptUrl, Long receiptDelayMs) {

	}

}
