package eco.qubeprepaid.notifier.signin.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import eco.qubeprepaid.notifier.notice.application.NoticeIntake;
import eco.qubeprepaid.notifier.notice.application.RecipientPreferences;
import eco.qubeprepaid.notifier.notice.domain.IstText;
import eco.qubeprepaid.notifier.notice.domain.NoticeDraft;
import eco.qubeprepaid.notifier.notice.domain.NoticeKind;
import eco.qubeprepaid.notifier.notice.domain.TenantRow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant portal's one-time sign-in codes, sent to the tenant like any urgent notice
 * (their channels, their language), once per code.
 */
@Service
public class SignInCodes {

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	private final NoticeIntake intake;

	private final RecipientPreferences recipients;

	private final Clock clock;

	public SignInCodes(NoticeIntake intake, RecipientPreferences recipients, Clock clock) {
		this.intake = intake;
		this.recipients = recipients;
		this.clock = clock;
	}

	/**
	 * Sends a code to a tenant.
	 * @param request the code
	 * @return whether it is sent now (false: the same code was asked for before)
	 * @throws IllegalArgumentException for a malformed request
	 * @throws UnknownTenantException if notifier-service does not know the tenant as the
	 * premise's current one (yet)
	 */
	@Transactional
	public boolean send(Request request) {
		if (request.codeId() == null || request.tenantId() == null || request.premiseId() == null
				|| request.expiresAt() == null) {
			throw new IllegalArgumentException("a sign-in code needs codeId, tenantId, premiseId, code and expiresAt");
		}
		if (request.code() == null || !CODE.matcher(request.code()).matches()) {
			throw new IllegalArgumentException("a sign-in code is six digits");
		}
		Instant now = this.clock.instant();
		if (!request.expiresAt().isAfter(now)) {
			throw new IllegalArgumentException("the code expired at " + request.expiresAt());
		}
		TenantRow tenant = this.recipients.list(request.premiseId())
			.stream()
			.filter((row) -> row.tenantId().equals(request.tenantId()) && row.movedOutAt() == null)
			.findFirst()
			.orElseThrow(() -> new UnknownTenantException(
					"notifier-service does not know tenant " + request.tenantId() + " as the current tenant of "
							+ request.premiseId() + " (yet: their move-in may still be on its way)"));
		// Rounded up: a code asked for "10 minutes" is told as 10, not as the 9 whole
		// minutes left once the call took a moment.
		long minutes = Math.max(1, (Duration.between(now, request.expiresAt()).toSeconds() + 59) / 60);
		return this.intake.createOnce(new NoticeDraft(request.codeId(), "sign-in-code", NoticeKind.SIGN_IN_CODE,
				tenant.premiseId(), now,
				Map.of("code", request.code(), "minutes", Long.toString(minutes), "time", IstText.format(now))));
	}

	/**
	 * A code to send.
	 *
	 * @param codeId payment-service's id of the code (the idempotency key)
	 * @param tenantId the tenant
	 * @param premiseId their premise
	 * @param code the six digits
	 * @param expiresAt until when it works
	 */
	public record Request(UUID codeId, UUID tenantId, String premiseId, String code, Instant expiresAt) {
	}

	/** The tenant is not (yet) known here as the premise's current tenant. */
	public static class UnknownTenantException extends RuntimeException {

		UnknownTenantException(String message) {
			super(message);
		}

	}

}
