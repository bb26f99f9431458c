package eco.qubeprepaid.payment.portal.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.portal.client.NotifierClient;
import eco.qubeprepaid.payment.portal.domain.CodeHash;
import eco.qubeprepaid.payment.portal.domain.SignInCode;
import eco.qubeprepaid.payment.portal.persistence.SignInCodeStore;
import eco.qubeprepaid.payment.tenant.application.Tenants;
import eco.qubeprepaid.payment.tenant.domain.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in to the portal with a one-time code: the tenant gives their phone number, a
 * six-digit code goes to them through notifier-service (their channels, their language),
 * and the code signs them in once, within {@link #VALIDITY}, with at most
 * {@link SignInCode#MAX_ATTEMPTS} wrong guesses. A number that is no tenant's gets the
 * same answer as one that is, and nothing is sent; at most {@link #PER_WINDOW} codes go
 * to one tenant in {@link #WINDOW}, so the form cannot be used to flood a phone.
 */
@Service
public class SignInCodes {

	/** How long a code works. */
	public static final Duration VALIDITY = Duration.ofMinutes(10);

	/** The most codes one tenant gets in {@link #WINDOW}. */
	public static final int PER_WINDOW = 3;

	/** The window of {@link #PER_WINDOW}. */
	public static final Duration WINDOW = Duration.ofMinutes(15);

	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private static final Logger log = LoggerFactory.getLogger(SignInCodes.class);

	private final Tenants tenants;

	private final SignInCodeStore store;

	private final NotifierClient notifier;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final CodeHash hashes;

	private final Clock clock;

	public SignInCodes(Tenants tenants, SignInCodeStore store, NotifierClient notifier, AuditTrail audit,
			TransactionTemplate transactions, PortalProperties portal, Clock clock) {
		this.tenants = tenants;
		this.store = store;
		this.notifier = notifier;
		this.audit = audit;
		this.transactions = transactions;
		this.hashes = new CodeHash(portal.linkSecret());
		this.clock = clock;
	}

	/**
	 * Sends a code to the current tenant with that phone, if there is one.
	 * @param phone what the tenant typed
	 * @return the code's id for the form, and what to tell them
	 * @throws Refusal 400 for a number that is not in E.164 form
	 */
	public Requested request(String phone) {
		String number = (phone != null) ? phone.replaceAll("[\\s()-]", "") : "";
		if (!PHONE.matcher(number).matches()) {
			throw Refusal.badRequest("Bad phone", "A phone is in international form, e.g. +919876543210");
		}
		Optional<Tenant> tenant = this.tenants.currentWithPhone(number);
		if (tenant.isEmpty()) {
			// The same answer as for a tenant, and nothing sent: the form tells nobody
			// whose number is whose.
			return new Requested(UUID.randomUUID(), Outcome.SENT);
		}
		Instant now = this.clock.instant();
		UUID codeId = UUID.randomUUID();
		String code = CodeHash.newCode();
		Instant expires = now.plus(VALIDITY);
		Boolean made = this.transactions.execute((status) -> {
			if (this.store.countSince(tenant.get().tenantId(), now.minus(WINDOW)) >= PER_WINDOW) {
				return false;
			}
			this.store.insert(new SignInCode(codeId, tenant.get().tenantId(), this.hashes.hash(codeId, code), now,
					expires, 0, null));
			this.audit.record(tenant.get().name(), AuditTrail.TENANT, "portal.sign-in-code", tenant.get().premiseId(),
					null, "code " + codeId + " until " + expires);
			return true;
		});
		if (!Boolean.TRUE.equals(made)) {
			return new Requested(UUID.randomUUID(), Outcome.TOO_MANY);
		}
		if (!this.notifier.sendSignInCode(codeId, tenant.get().tenantId(), tenant.get().premiseId(), code, expires)) {
			log.warn("notifier-service did not take the sign-in code {} of tenant {}", codeId, tenant.get().tenantId());
			return new Requested(codeId, Outcome.NOT_SENT);
		}
		return new Requested(codeId, Outcome.SENT);
	}

	/**
	 * Checks a code.
	 * @param codeId the code's id from the form
	 * @param guess what the tenant typed
	 * @return whom it signs in, or why not
	 */
	public Verification verify(UUID codeId, String guess) {
		Instant now = this.clock.instant();
		Verification verification = this.transactions.execute((status) -> {
			Optional<SignInCode> stored = this.store.lock(codeId);
			if (stored.isEmpty() || !stored.get().open(now)) {
				return new Verification(null, 0);
			}
			if (!this.hashes.matches(stored.get(), guess)) {
				this.store.wrongGuess(codeId);
				return new Verification(null, SignInCode.MAX_ATTEMPTS - stored.get().attempts() - 1);
			}
			this.store.used(codeId, now);
			return new Verification(this.tenants.current(stored.get().tenantId()).orElse(null), 0);
		});
		return verification;
	}

	/** What came of asking for a code. */
	public enum Outcome {

		/** Sent, if the number is a tenant's. */
		SENT,

		/** Too many codes were asked for this number lately. */
		TOO_MANY,

		/** notifier-service did not take it just now. */
		NOT_SENT

	}

	/**
	 * A code asked for.
	 *
	 * @param codeId its id, for the form (a random one when nothing was sent)
	 * @param outcome what to tell the tenant
	 */
	public record Requested(UUID codeId, Outcome outcome) {
	}

	/**
	 * A code checked.
	 *
	 * @param tenant whom it signs in, or null
	 * @param guessesLeft when it did not, the wrong guesses the code still takes (0: ask
	 * for a new one)
	 */
	public record Verification(Tenant tenant, int guessesLeft) {
	}

}
