package eco.qubeprepaid.sandbox.messaging.model;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The provider model without Spring or HTTP: validation, idempotency, fates drawn at
 * acceptance, reproducible seeded runs, the retry schedule and the wire time format.
 */
class MessagingModelTest {

	private static final Instant NOW = Instant.parse("2026-12-07T07:35:00.123Z");

	private static final MessagingSettings DEFAULTS = new MessagingSettings(false, 0, 0, List.of(), "", 50);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void validationRefusesTheFirstBadFieldWithItsOwnCode() {
		assertRefused(() -> SendRequest.of("email", "x", "", null), "unsupported_channel");
		assertRefused(() -> SendRequest.of(null, "+919876543210", "hi", "r"), "invalid_request");
		assertRefused(() -> SendRequest.of("sms", "919876543210", "", null), "invalid_number");
		assertRefused(() -> SendRequest.of("sms", "+919876543210", "", null), "invalid_request");
		assertRefused(() -> SendRequest.of("sms", "+919876543210", "hi", ""), "invalid_request");
		SendRequest request = SendRequest.of("whatsapp", "+919876543210", "hi", "r-1");
		assertThat(request.channel()).isEqualTo(Channel.WHATSAPP);
	}

	@Test
	void lengthsAreCountedInCharactersNotBytesOrCodeUnits() {
		String emoji = "\uD83D\uDCA1";
		assertThat(SendRequest.of("sms", "+919876543210", emoji.repeat(1600), "r").body()).hasSize(3200);
		assertRefused(() -> SendRequest.of("sms", "+919876543210", emoji.repeat(1601), "r"), "invalid_request");
		assertThat(SendRequest.of("sms", "+919876543210", "hi", emoji.repeat(128)).clientReference()).hasSize(256);
	}

	@Test
	void e164IsAPlusAndEightToFifteenDigitsNotStartingWithZero() {
		assertThat(SendRequest.isE164("+12345678")).isTrue();
		assertThat(SendRequest.isE164("+123456789012345")).isTrue();
		assertThat(SendRequest.isE164("+1234567")).isFalse();
		assertThat(SendRequest.isE164("+1234567890123456")).isFalse();
		assertThat(SendRequest.isE164("+01234567")).isFalse();
		assertThat(SendRequest.isE164("12345678")).isFalse();
		assertThat(SendRequest.isE164("+9198765 43210")).isFalse();
		assertThat(SendRequest.isE164(null)).isFalse();
	}

	@Test
	void theSamePayloadRepeatsTheMessageAndAnotherIsAConflict() {
		Messenger messenger = new Messenger(this.clock, 1L, DEFAULTS);
		Messenger.Sent first = messenger.send(SendRequest.of("sms", "+919876543210", "hi", "r-1"));
		Messenger.Sent repeat = messenger.send(SendRequest.of("sms", "+919876543210", "hi", "r-1"));
		assertThat(first.duplicate()).isFalse();
		assertThat(repeat.duplicate()).isTrue();
		assertThat(repeat.message()).isSameAs(first.message());
		assertThatExceptionOfType(MessagingException.class)
			.isThrownBy(() -> messenger.send(SendRequest.of("sms", "+919876543210", "HI", "r-1")))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(409);
				assertThat(ex.code()).isEqualTo("conflict");
				assertThat(ex.getMessage()).contains("(body differs)");
			});
		assertThat(messenger.messages(null)).hasSize(1);
	}

	@Test
	void faultsRefuseWithoutRecordingAnything() {
		Messenger messenger = new Messenger(this.clock, 1L, DEFAULTS);
		messenger.updateSettings(new MessagingSettings.Patch(true, null, null, null, null, null));
		assertThatExceptionOfType(MessagingException.class).isThrownBy(messenger::ensureAvailable)
			.satisfies((ex) -> assertThat(ex.outcome()).isEqualTo(SendOutcome.OUTAGE));
		messenger.updateSettings(new MessagingSettings.Patch(false, 1.0, null, null, null, null));
		assertThatExceptionOfType(MessagingException.class)
			.isThrownBy(() -> messenger.send(SendRequest.of("sms", "+919876543210", "hi", "r-1")))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(500);
				assertThat(ex.outcome()).isEqualTo(SendOutcome.FAILED);
			});
		assertThat(messenger.messages(null)).isEmpty();
	}

	@Test
	void aMessageSettlesOnceIntoTheFateDrawnAtAcceptance() {
		Messenger messenger = new Messenger(this.clock, 1L,
				new MessagingSettings(false, 0, 0, List.of("+919800000001"), "", 50));
		Message blocked = messenger.send(SendRequest.of("sms", "+919800000001", "hi", "r-1")).message();
		Message open = messenger.send(SendRequest.of("sms", "+919800000002", "hi", "r-2")).message();
		assertThat(blocked.status()).isEqualTo(MessageStatus.QUEUED);
		Receipt receipt = messenger.settle(blocked);
		assertThat(receipt.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(receipt.error()).isEqualTo("dnd_blocked");
		assertThat(receipt.at()).isEqualTo(NOW);
		assertThat(messenger.settle(blocked)).as("settled once").isNull();
		assertThat(messenger.settle(open).status()).isEqualTo(MessageStatus.DELIVERED);
		assertThat(open.view().error()).isNull();
	}

	@Test
	void aSeededProviderGivesTheSameIdsAndFatesEveryRun() {
		MessagingSettings faulty = new MessagingSettings(false, 0.2, 0.3, List.of(), "", 50);
		List<String> first = run(new Messenger(this.clock, 42L, faulty));
		List<String> second = run(new Messenger(this.clock, 42L, faulty));
		List<String> other = run(new Messenger(this.clock, 43L, faulty));
		assertThat(second).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		long undelivered = first.stream().filter((line) -> line.endsWith("undelivered")).count();
		long failed = first.stream().filter((line) -> line.equals("500")).count();
		assertThat(failed).as("about 20 %% of 1000 sends answer 500").isBetween(150L, 250L);
		assertThat(undelivered).as("about 30 %% of the accepted fail").isBetween(180L, 300L);
	}

	@Test
	void receiptsAreRetriedAfterHalfASecondDoublingToThirtySecondsForEightAttempts() {
		ReceiptPolicy policy = new ReceiptPolicy(5000, 500, 30000, 8);
		List<Long> delays = IntStream.rangeClosed(1, 8).mapToObj(policy::retryDelayMs).toList();
		assertThat(delays).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, -1L);
	}

	@Test
	void settingsAreValidatedAndAPatchChangesOnlyWhatItNames() {
		assertRefused(() -> new MessagingSettings(false, 1.01, 0, List.of(), "", 0), "invalid_request");
		assertRefused(() -> new MessagingSettings(false, 0, Double.NaN, List.of(), "", 0), "invalid_request");
		assertRefused(() -> new MessagingSettings(false, 0, 0, List.of("+91 98"), "", 0), "invalid_number");
		assertRefused(() -> new MessagingSettings(false, 0, 0, List.of(), "mailto:x@y", 0), "invalid_request");
		assertRefused(() -> new MessagingSettings(false, 0, 0, List.of(), "", -1), "invalid_request");
		MessagingSettings changed = DEFAULTS
			.with(new MessagingSettings.Patch(null, 0.5, null, null, "http://127.0.0.1:9/r", null));
		assertThat(changed).isEqualTo(new MessagingSettings(false, 0.5, 0, List.of(), "http://127.0.0.1:9/r", 50));
	}

	@Test
	void wireTimesAreIstWithMillisecondsAndTheOffset() {
		assertThat(Wire.time(NOW)).isEqualTo("2026-12-07T13:05:00.123+05:30");
		assertThat(Wire.time(Instant.parse("2026-12-07T18:30:00Z"))).isEqualTo("2026-12-08T00:00:00.000+05:30");
	}

	private static List<String> run(Messenger messenger) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			try {
				Message message = messenger.send(SendRequest.of("sms", "+919876543210", "hi", "r-" + i)).message();
				Receipt receipt = messenger.settle(message);
				lines.add(message.id() + " " + receipt.status().wire() + " " + receipt.error());
			}
			catch (MessagingException ex) {
				lines.add(Integer.toString(ex.httpStatus()));
			}
		}
		return lines;
	}

	private static void assertRefused(Runnable action, String code) {
		assertThatExceptionOfType(MessagingException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code));
	}

}
