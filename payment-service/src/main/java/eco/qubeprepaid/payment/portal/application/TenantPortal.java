package eco.qubeprepaid.payment.portal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import eco.qubeprepaid.payment.audit.application.Actor;
import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.gateway.client.GatewayClient;
import eco.qubeprepaid.payment.gateway.client.GatewayException;
import eco.qubeprepaid.payment.gateway.client.GatewayProperties;
import eco.qubeprepaid.payment.gateway.domain.CheckoutSignature;
import eco.qubeprepaid.payment.portal.domain.DaysLeft;
import eco.qubeprepaid.payment.portal.domain.SignInLinks;
import eco.qubeprepaid.payment.portal.domain.Step;
import eco.qubeprepaid.payment.portal.domain.Supply;
import eco.qubeprepaid.payment.portal.domain.TenantPrincipal;
import eco.qubeprepaid.payment.tenant.application.Tenants;
import eco.qubeprepaid.payment.tenant.domain.Tenant;
import eco.qubeprepaid.payment.topup.application.Settlement;
import eco.qubeprepaid.payment.topup.application.TopUps;
import eco.qubeprepaid.payment.topup.domain.Capture;
import eco.qubeprepaid.payment.topup.domain.TopUp;
import eco.qubeprepaid.payment.topup.domain.TopUpStatus;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient.Command;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient.DayUse;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient.RelayState;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient.StatementLine;
import eco.qubeprepaid.payment.wallet.client.WalletUnavailableException;
import eco.qubeprepaid.service.time.Ist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the tenant portal shows and does, always for the signed-in tenant's own premise:
 * the balance, the supply, the days of credit left, the usage of the last days, the
 * recent top-ups and charges, and a top-up's way to the meter.
 */
@Service
public class TenantPortal {

	private static final Logger log = LoggerFactory.getLogger(TenantPortal.class);

	private static final int RECENT_TOP_UPS = 5;

	private static final int RECENT_CHARGES = 8;

	private final Tenants tenants;

	private final TopUps topUps;

	private final Settlement settlement;

	private final BalanceServiceClient wallets;

	private final GatewayClient gateway;

	private final GatewayProperties gatewayProperties;

	private final PortalProperties properties;

	private final SignInLinks links;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public TenantPortal(Tenants tenants, TopUps topUps, Settlement settlement, BalanceServiceClient wallets,
			GatewayClient gateway, GatewayProperties gatewayProperties, PortalProperties properties, AuditTrail audit,
			TransactionTemplate transactions, Clock clock) {
		this.tenants = tenants;
		this.topUps = topUps;
		this.settlement = settlement;
		this.wallets = wallets;
		this.gateway = gateway;
		this.gatewayProperties = gatewayProperties;
		this.properties = properties;
		this.links = new SignInLinks(properties.linkSecret());
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Signs a tenant in with their link.
	 * @param token the link's token
	 * @return the tenant, if the link is genuine, unexpired and they live there now
	 */
	public Optional<SignedIn> signIn(String token) {
		return this.links.verify(token, this.clock.instant())
			.flatMap(this.tenants::current)
			.map((tenant) -> new SignedIn(new TenantPrincipal(tenant.tenantId(), tenant.premiseId(), tenant.name()),
					tenant.language()));
	}

	/**
	 * Makes a tenant's sign-in link (an operator sends it by SMS or email).
	 * @param operator who asks
	 * @param tenantId the tenant
	 * @return the link and until when it works
	 * @throws Refusal 404 for an unknown tenant, 409 for one who moved out
	 */
	public Link signInLink(String operator, UUID tenantId) {
		Tenant tenant = this.tenants.get(tenantId);
		if (!tenant.isCurrent()) {
			throw new Refusal(409, "Moved out", "Tenant " + tenantId + " moved out; they cannot sign in");
		}
		Instant expires = this.clock.instant().plus(this.properties.linkValidity());
		String url = this.properties.baseUrl() + "/portal/sign-in?token=" + this.links.token(tenantId, expires);
		this.transactions.executeWithoutResult((status) -> this.audit.record(operator, AuditTrail.OPERATOR,
				"tenant.sign-in-link", tenant.premiseId(), null, "tenant " + tenantId + " until " + expires));
		return new Link(tenantId, url, expires);
	}

	/**
	 * Records a tenant's choice of language.
	 * @param tenant the tenant
	 * @param language {@code en} or {@code hi}
	 */
	public void chooseLanguage(TenantPrincipal tenant, String language) {
		this.tenants.chooseLanguage(tenant.tenantId(), language);
	}

	/**
	 * The home page's figures.
	 * @param tenant the signed-in tenant
	 * @return them
	 */
	public Home home(TenantPrincipal tenant) {
		String premise = tenant.premiseId();
		List<TopUp> recentTopUps = this.topUps.ofPremise(premise, RECENT_TOP_UPS);
		LocalDate today = Ist.date(this.clock.instant());
		try {
			long balance = this.wallets.balancePaise(premise);
			LocalDate from = today.minusDays(this.properties.usageDays() - 1L);
			Map<LocalDate, DayUse> used = this.wallets.dailyUsage(premise, from, today)
				.stream()
				.collect(Collectors.toMap(DayUse::date, Function.identity()));
			List<DayUse> days = new ArrayList<>();
			for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
				days.add(used.getOrDefault(day, new DayUse(day, java.math.BigDecimal.ZERO, 0)));
			}
			List<Long> recent = days.subList(Math.max(0, days.size() - DaysLeft.RECENT_DAYS), days.size())
				.stream()
				.map(DayUse::paise)
				.toList();
			OptionalLong daysLeft = DaysLeft.of(balance, recent);
			RelayState relay = this.wallets.relay(premise);
			List<StatementLine> charges = this.wallets.statement(premise, today.minusDays(6), today)
				.stream()
				.filter((line) -> line.amountPaise() < 0)
				.limit(RECENT_CHARGES)
				.toList();
			return new Home(tenant, true, balance, DaysLeft.supply(relay.reportedRelayOn(), balance, daysLeft),
					daysLeft.isPresent() ? daysLeft.getAsLong() : null, days, recentTopUps, charges);
		}
		catch (WalletUnavailableException ex) {
			log.warn("Portal figures of {} not available: {}", premise, ex.getMessage());
			return new Home(tenant, false, 0, Supply.UNKNOWN, null, List.of(), recentTopUps, List.of());
		}
	}

	/**
	 * Starts a top-up of the tenant's own premise.
	 * @param tenant the signed-in tenant
	 * @param amountPaise the amount
	 * @return where to send them to pay
	 */
	public TopUps.Started startTopUp(TenantPrincipal tenant, long amountPaise) {
		return this.topUps.start(tenant.premiseId(), amountPaise,
				new Actor(tenant.tenantId().toString(), AuditTrail.TENANT));
	}

	/**
	 * A top-up's way to the meter, for the tenant whose premise it credits (anyone else
	 * gets a 404, as for a top-up that does not exist). On the tenant's return from the
	 * checkout with the gateway's signed payment id, the order's payments are fetched at
	 * once, so the credit need not wait for the webhook.
	 * @param tenant the signed-in tenant
	 * @param topUpId the top-up
	 * @param returned the gateway's return parameters, or null
	 * @return where it stands
	 */
	public Progress progress(TenantPrincipal tenant, UUID topUpId, CheckoutReturn returned) {
		TopUp topUp = ownTopUp(tenant, topUpId);
		if (returned != null && topUp.status().isUnsettled() && CheckoutSignature.verifies(topUp.orderId(),
				returned.paymentId(), returned.signature(), this.gatewayProperties.keySecret())) {
			try {
				this.settlement.settleOnReturn(topUp, this.gateway.paymentsOf(topUp.orderId()));
			}
			catch (GatewayException ex) {
				log.info("Top-up {}: the gateway could not be asked on return ({}); the webhook will settle it",
						topUpId, ex.getMessage());
			}
			topUp = ownTopUp(tenant, topUpId);
		}
		Optional<Capture> capture = this.settlement.captureOf(topUpId);
		Step paid = switch (topUp.status()) {
			case CAPTURED -> Step.DONE;
			case FAILED, EXPIRED, ORDER_FAILED -> Step.FAILED;
			default -> Step.WAITING;
		};
		if (capture.isEmpty()) {
			return new Progress(topUp, paid, Step.WAITING, Step.WAITING, Step.WAITING, null, false);
		}
		Instant creditedAt = capture.get().creditedAt();
		Step credited = (creditedAt != null) ? Step.DONE : Step.WAITING;
		Step onMeter = Step.WAITING;
		Step power = Step.WAITING;
		Long balance = capture.get().balanceAfterPaise();
		boolean figures = true;
		if (creditedAt != null) {
			try {
				RelayState relay = this.wallets.relay(tenant.premiseId());
				balance = this.wallets.balancePaise(tenant.premiseId());
				onMeter = meterStep(relay, creditedAt);
				power = powerStep(relay, creditedAt);
			}
			catch (WalletUnavailableException ex) {
				figures = false;
			}
		}
		return new Progress(topUp, Step.DONE, credited, onMeter, power, balance, figures);
	}

	private static Step meterStep(RelayState relay, Instant creditedAt) {
		if (!"PREPAID".equalsIgnoreCase(relay.meterMode())) {
			// The meter keeps no balance of its own: the system enforces it.
			return Step.NOT_NEEDED;
		}
		for (Command command : relay.commands()) {
			if (command.command().equals("SET_BALANCE") && !command.requestedAt().isBefore(creditedAt.minusSeconds(1))
					&& "COMPLETED".equals(command.status())) {
				return Step.DONE;
			}
		}
		return Step.WAITING;
	}

	private static Step powerStep(RelayState relay, Instant creditedAt) {
		boolean seenOn = Boolean.TRUE.equals(relay.reportedRelayOn()) && relay.latestObservedAt() != null
				&& !relay.latestObservedAt().isBefore(creditedAt);
		boolean switchedOn = relay.commands()
			.stream()
			.anyMatch((command) -> command.command().equals("RELAY_ON")
					&& !command.requestedAt().isBefore(creditedAt.minusSeconds(1))
					&& "COMPLETED".equals(command.status()));
		return (seenOn || switchedOn) ? Step.DONE : Step.WAITING;
	}

	private TopUp ownTopUp(TenantPrincipal tenant, UUID topUpId) {
		TopUp topUp = this.topUps.get(topUpId);
		if (!topUp.premiseId().equals(tenant.premiseId())) {
			throw Refusal.notFound("Unknown top-up", "There is no top-up " + topUpId);
		}
		return topUp;
	}

	/**
	 * A tenant signed in.
	 *
	 * @param principal who
	 * @param language their language
	 */
	public record SignedIn(TenantPrincipal principal, String language) {
	}

	/**
	 * A sign-in link.
	 *
	 * @param tenantId the tenant
	 * @param url the link
	 * @param expiresAt until when it works
	 */
	public record Link(UUID tenantId, String url, Instant expiresAt) {
	}

	/**
	 * The gateway's parameters on the tenant's return from the checkout.
	 *
	 * @param paymentId {@code razorpay_payment_id}
	 * @param signature {@code razorpay_signature}
	 */
	public record CheckoutReturn(String paymentId, String signature) {
	}

	/**
	 * The home page's figures.
	 *
	 * @param tenant who
	 * @param available whether balance-service answered (else the figures are blank)
	 * @param balancePaise the balance
	 * @param supply the supply
	 * @param daysLeft whole days of credit left at recent use, or null
	 * @param usage each day of the chart, oldest first
	 * @param topUps the recent top-ups, newest first
	 * @param charges the recent charges, newest first
	 */
	public record Home(TenantPrincipal tenant, boolean available, long balancePaise, Supply supply, Long daysLeft,
			List<DayUse> usage, List<TopUp> topUps, List<StatementLine> charges) {
	}

	/**
	 * A top-up's way to the meter.
	 *
	 * @param topUp the top-up
	 * @param paid whether the gateway captured the payment
	 * @param credited whether the ledger credited it
	 * @param onMeter whether the new balance is on the meter
	 * @param power whether the power is on since
	 * @param balancePaise the balance now (or after the credit), or null
	 * @param available whether balance-service answered
	 */
	public record Progress(TopUp topUp, Step paid, Step credited, Step onMeter, Step power, Long balancePaise,
			boolean available) {

		/**
		 * @return whether nothing is left to wait for
		 */
		public boolean finished() {
			return this.paid == Step.FAILED || (this.paid == Step.DONE && this.credited == Step.DONE
					&& this.onMeter != Step.WAITING && this.power == Step.DONE);
		}

		/**
		 * @return whether the payment failed or the order is closed
		 */
		public boolean failed() {
			return this.paid == Step.FAILED;
		}

		/**
		 * @return whether it can still be paid
		 */
		public boolean payable() {
			return this.topUp.status() == TopUpStatus.OPEN || this.topUp.status() == TopUpStatus.FAILED;
		}

	}

}
