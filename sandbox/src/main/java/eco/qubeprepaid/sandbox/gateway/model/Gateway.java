package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The simulated payment gateway: orders, payments (auto-captured or failed), refunds, the
 * webhook events they make (with their exact bodies) and the settlement report. Plain
 * Java and thread-safe: every change happens under one lock and entities are immutable
 * values, so reads and events see consistent states. A refused request changes nothing.
 *
 * <p>
 * Delivery is not done here: a {@link Listener} hears of every new event (after the lock
 * is released, in the order they were made) and of every refund that waits to be
 * processed.
 */
public final class Gateway {

	private static final Pattern VPA = Pattern.compile(GatewayChoices.VPA_PATTERN);

	private final Clock clock;

	private final Ids ids;

	private final Function<Map<String, Object>, byte[]> json;

	private final IdempotencyStore idempotency = new IdempotencyStore();

	private volatile GatewaySettings settings;

	private volatile Listener listener = Listener.NONE;

	private final Map<String, Order> orders = new LinkedHashMap<>();

	private final Map<String, String> orderByReceipt = new HashMap<>();

	private final Map<String, Payment> payments = new LinkedHashMap<>();

	private final Map<String, List<String>> paymentsByOrder = new HashMap<>();

	private final Map<String, Refund> refunds = new LinkedHashMap<>();

	private final Map<String, List<String>> refundsByPayment = new HashMap<>();

	private final Map<String, EventRecord> events = new LinkedHashMap<>();

	/**
	 * A gateway.
	 * @param clock the real clock (UTC; tests pass a fixed one)
	 * @param ids the id source
	 * @param settings the start settings
	 * @param json writes a webhook body (a map of {@link Wire}) as JSON bytes
	 */
	public Gateway(Clock clock, Ids ids, GatewaySettings settings, Function<Map<String, Object>, byte[]> json) {
		this.clock = Objects.requireNonNull(clock);
		this.ids = Objects.requireNonNull(ids);
		this.settings = Objects.requireNonNull(settings);
		this.json = Objects.requireNonNull(json);
	}

	/** Who hears of new events and pending refunds. */
	public void setListener(Listener listener) {
		this.listener = (listener != null) ? listener : Listener.NONE;
	}

	public GatewaySettings settings() {
		return this.settings;
	}

	/**
	 * Applies a partial settings change (validated; a refused change changes nothing).
	 */
	public GatewaySettings updateSettings(GatewaySettings.Patch patch) {
		synchronized (this) {
			this.settings = this.settings.with(patch);
			return this.settings;
		}
	}

	public Clock clock() {
		return this.clock;
	}

	/** Forgets every order, payment, refund, event and idempotency key. */
	public synchronized void reset(GatewaySettings startSettings) {
		this.orders.clear();
		this.orderByReceipt.clear();
		this.payments.clear();
		this.paymentsByOrder.clear();
		this.refunds.clear();
		this.refundsByPayment.clear();
		this.events.clear();
		this.idempotency.clear();
		this.settings = Objects.requireNonNull(startSettings);
	}

	// ---------------------------------------------------------------- orders

	/**
	 * Creates an order.
	 * @param amount paise
	 * @param currency null for INR
	 * @param receipt the merchant's unique reference, or null
	 * @param notes notes, or null
	 * @return the order
	 */
	public Order createOrder(long amount, String currency, String receipt, Map<String, String> notes) {
		if (amount < GatewayChoices.MIN_AMOUNT) {
			throw GatewayException.badRequest("amount", GatewayChoices.TEXT_AMOUNT_MIN);
		}
		if (amount > GatewayChoices.MAX_AMOUNT) {
			throw GatewayException.badRequest("amount", GatewayChoices.TEXT_AMOUNT_MAX);
		}
		String cur = (currency != null) ? currency : GatewayChoices.CURRENCY;
		if (!GatewayChoices.CURRENCY.equals(cur)) {
			throw GatewayException.badRequest("currency", String.format(GatewayChoices.TEXT_CURRENCY, cur));
		}
		checkReceipt(receipt);
		Map<String, String> checkedNotes = checkNotes(notes);
		synchronized (this) {
			String taken = (receipt != null) ? this.orderByReceipt.get(receipt) : null;
			if (taken != null) {
				throw GatewayException.badRequest("receipt", String.format(GatewayChoices.TEXT_RECEIPT_TAKEN, taken));
			}
			Order order = new Order(newId(GatewayChoices.ORDER_PREFIX, this.orders), amount, 0, cur, receipt,
					OrderStatus.CREATED, 0, checkedNotes, this.clock.instant());
			this.orders.put(order.id(), order);
			if (receipt != null) {
				this.orderByReceipt.put(receipt, order.id());
			}
			return order;
		}
	}

	/** An order, or 404. */
	public synchronized Order order(String id) {
		return found(this.orders.get(id));
	}

	/** The payments of an order in creation order, or 404 for an unknown order. */
	public synchronized List<Payment> paymentsOf(String orderId) {
		found(this.orders.get(orderId));
		return this.paymentsByOrder.getOrDefault(orderId, List.of()).stream().map(this.payments::get).toList();
	}

	// ---------------------------------------------------------------- payments

	/**
	 * Pays an order as the hosted checkout (or the admin API) does: a payment is created
	 * and then either authorized and captured (events payment.captured then order.paid)
	 * or failed (event payment.failed).
	 * @param orderId the order
	 * @param method how the payer pays
	 * @param vpa the payer's VPA for UPI (null or blank for the default), ignored
	 * otherwise
	 * @param success captured or failed
	 * @param webhooks false suppresses every event of this payment
	 * @return the payment in its final state
	 */
	public Payment pay(String orderId, PaymentMethod method, String vpa, boolean success, boolean webhooks) {
		Objects.requireNonNull(method, "method");
		String payerVpa = null;
		if (method == PaymentMethod.UPI) {
			payerVpa = (vpa == null || vpa.isBlank()) ? GatewayChoices.DEFAULT_VPA : vpa.trim();
			if (!VPA.matcher(payerVpa).matches()) {
				throw GatewayException.badRequest("vpa", GatewayChoices.TEXT_VPA);
			}
		}
		List<EventRecord> made = new ArrayList<>();
		Payment payment;
		synchronized (this) {
			Order order = found(this.orders.get(orderId));
			if (order.status() == OrderStatus.PAID) {
				throw GatewayException.refused(null, "order_already_paid", GatewayChoices.TEXT_ORDER_PAID);
			}
			Instant now = this.clock.instant();
			payment = new Payment(newId(GatewayChoices.PAYMENT_PREFIX, this.payments), orderId, order.amount(),
					order.currency(), PaymentStatus.CREATED, method, payerVpa, 0, Fees.NONE, null, order.notes(), now,
					null, !webhooks);
			if (success) {
				payment = payment.moveTo(PaymentStatus.AUTHORIZED, now, null).moveTo(PaymentStatus.CAPTURED, now, null);
			}
			else {
				payment = payment.moveTo(PaymentStatus.FAILED, now, GatewayChoices.TEXT_PAYMENT_FAILED);
			}
			Order updated = order.attempted(success);
			this.orders.put(orderId, updated);
			this.payments.put(payment.id(), payment);
			this.paymentsByOrder.computeIfAbsent(orderId, (k) -> new ArrayList<>()).add(payment.id());
			if (success) {
				made.add(event(EventType.PAYMENT_CAPTURED, payment, null, null, now));
				made.add(event(EventType.ORDER_PAID, payment, updated, null, now));
			}
			else {
				made.add(event(EventType.PAYMENT_FAILED, payment, null, null, now));
			}
		}
		publish(made);
		return payment;
	}

	/** A payment, or 404. */
	public synchronized Payment payment(String id) {
		return found(this.payments.get(id));
	}

	// ---------------------------------------------------------------- refunds

	/**
	 * Refunds a captured payment under an idempotency key: the same key with the same
	 * request answers the first refund again; with another request it is refused (400
	 * naming the field); while the key's first request is still being processed, 409.
	 * @param idempotencyKey the X-Refund-Idempotency header
	 * @param request what is asked
	 * @return the refund (pending, or processed when the processing delay is 0)
	 */
	public Refund refund(String idempotencyKey, RefundRequest request) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw GatewayException.badRequest(null, GatewayChoices.TEXT_IDEMPOTENCY_REQUIRED);
		}
		if (idempotencyKey.length() > GatewayChoices.IDEMPOTENCY_KEY_MAX_LENGTH) {
			throw GatewayException.badRequest(null, GatewayChoices.TEXT_IDEMPOTENCY_LENGTH);
		}
		IdempotencyStore.Claim claim = this.idempotency.claim(idempotencyKey, request);
		if (claim instanceof IdempotencyStore.Claim.Replay replay) {
			synchronized (this) {
				return found(this.refunds.get(replay.refundId()));
			}
		}
		if (claim instanceof IdempotencyStore.Claim.InFlight) {
			throw GatewayException.inFlight();
		}
		if (claim instanceof IdempotencyStore.Claim.Mismatch mismatch) {
			throw GatewayException.badRequest(mismatch.field(),
					String.format(GatewayChoices.TEXT_IDEMPOTENCY_MISMATCH, mismatch.field()));
		}
		Refund refund;
		try {
			refund = createRefund(request);
		}
		catch (RuntimeException ex) {
			this.idempotency.release(idempotencyKey);
			throw ex;
		}
		this.idempotency.complete(idempotencyKey, refund.id());
		return refund;
	}

	/**
	 * The store of idempotency keys, so a caller can hold a key in flight around its own
	 * work (and tests can see the 409).
	 */
	public IdempotencyStore idempotency() {
		return this.idempotency;
	}

	private Refund createRefund(RefundRequest request) {
		checkReceipt(request.receipt());
		Map<String, String> notes = checkNotes(request.notes());
		List<EventRecord> made = new ArrayList<>();
		Refund refund;
		long delay;
		synchronized (this) {
			Payment payment = found(this.payments.get(request.paymentId()));
			if (!payment.captured()) {
				throw GatewayException.refused(null, "payment_not_captured", GatewayChoices.TEXT_NOT_CAPTURED);
			}
			if (payment.refundable() == 0) {
				throw GatewayException.refused(null, "payment_fully_refunded", GatewayChoices.TEXT_FULLY_REFUNDED);
			}
			long amount = (request.amount() != null) ? request.amount() : payment.refundable();
			if (amount < GatewayChoices.MIN_AMOUNT) {
				throw GatewayException.badRequest("amount", GatewayChoices.TEXT_AMOUNT_MIN);
			}
			if (amount > payment.refundable()) {
				throw GatewayException.badRequest("amount",
						String.format(GatewayChoices.TEXT_REFUND_TOO_LARGE, payment.refundable()));
			}
			Instant now = this.clock.instant();
			refund = new Refund(newId(GatewayChoices.REFUND_PREFIX, this.refunds), payment.id(), amount,
					payment.currency(), notes, request.receipt(), RefundStatus.PENDING, now, null);
			Payment updated = payment.refunded(amount);
			this.payments.put(updated.id(), updated);
			this.refunds.put(refund.id(), refund);
			this.refundsByPayment.computeIfAbsent(payment.id(), (k) -> new ArrayList<>()).add(refund.id());
			delay = this.settings.refundProcessingDelayMs();
			if (delay == 0) {
				refund = process(refund, now, made);
			}
		}
		publish(made);
		if (delay > 0) {
			this.listener.refundPending(refund.id(), delay);
		}
		return refund;
	}

	/**
	 * Processes a pending refund (after the processing delay) and makes its
	 * refund.processed event; empty when the refund is unknown (e.g. forgotten by a
	 * reset) or no longer pending.
	 */
	public Optional<Refund> processRefund(String refundId) {
		List<EventRecord> made = new ArrayList<>();
		Refund processed;
		synchronized (this) {
			Refund refund = this.refunds.get(refundId);
			if (refund == null || refund.status() != RefundStatus.PENDING) {
				return Optional.empty();
			}
			processed = process(refund, this.clock.instant(), made);
		}
		publish(made);
		return Optional.of(processed);
	}

	private Refund process(Refund refund, Instant now, List<EventRecord> made) {
		Refund processed = refund.processed(now);
		this.refunds.put(processed.id(), processed);
		Payment payment = this.payments.get(processed.paymentId());
		made.add(event(EventType.REFUND_PROCESSED, payment, null, processed, now));
		return processed;
	}

	/** A refund, or 404. */
	public synchronized Refund refundById(String id) {
		return found(this.refunds.get(id));
	}

	/** The refunds of a payment in creation order, or 404 for an unknown payment. */
	public synchronized List<Refund> refundsOf(String paymentId) {
		found(this.payments.get(paymentId));
		return this.refundsByPayment.getOrDefault(paymentId, List.of()).stream().map(this.refunds::get).toList();
	}

	// ---------------------------------------------------------------- settlement

	/**
	 * The settlement report of one IST calendar day: every payment captured and every
	 * refund processed from its 00:00 IST (inclusive) to the next day's (exclusive),
	 * ordered by settlement time.
	 */
	public List<SettlementItem> settlement(LocalDate istDay) {
		return settlement(istDay, istDay.plusDays(1));
	}

	/**
	 * The settlement report of the IST days {@code from} (inclusive) to {@code to}
	 * (exclusive).
	 */
	public synchronized List<SettlementItem> settlement(LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(GatewayChoices.IST).toInstant();
		Instant end = to.atStartOfDay(GatewayChoices.IST).toInstant();
		List<SettlementItem> items = new ArrayList<>();
		for (Payment payment : this.payments.values()) {
			if (payment.captured() && within(payment.capturedAt(), start, end)) {
				long fee = payment.fees().total();
				items.add(new SettlementItem(payment.id(), "payment", payment.amount(), fee, payment.fees().tax(),
						payment.amount() - fee, 0, payment.orderId(), payment.id(), payment.capturedAt(),
						payment.createdAt()));
			}
		}
		for (Refund refund : this.refunds.values()) {
			if (refund.status() == RefundStatus.PROCESSED && within(refund.processedAt(), start, end)) {
				Payment payment = this.payments.get(refund.paymentId());
				items.add(new SettlementItem(refund.id(), "refund", refund.amount(), GatewayChoices.REFUND_FEE,
						GatewayChoices.REFUND_FEE, 0, refund.amount(), payment.orderId(), payment.id(),
						refund.processedAt(), refund.createdAt()));
			}
		}
		items.sort(Comparator.comparing(SettlementItem::settledAt));
		return items;
	}

	private static boolean within(Instant at, Instant start, Instant end) {
		return !at.isBefore(start) && at.isBefore(end);
	}

	// ---------------------------------------------------------------- events and truth

	/** An event's ground truth, or 404. */
	public synchronized EventRecord eventRecord(String eventId) {
		return found(this.events.get(eventId));
	}

	/** Every event so far, in creation order. */
	public synchronized List<EventRecord> events() {
		return List.copyOf(this.events.values());
	}

	/** The whole ground truth. */
	public synchronized Truth truth() {
		long captured = this.payments.values().stream().filter(Payment::captured).mapToLong(Payment::amount).sum();
		long refunded = this.refunds.values()
			.stream()
			.filter((r) -> r.status() == RefundStatus.PROCESSED)
			.mapToLong(Refund::amount)
			.sum();
		int pending = this.events.values().stream().mapToInt(EventRecord::pendingDeliveries).sum();
		return new Truth(List.copyOf(this.orders.values()), List.copyOf(this.payments.values()),
				List.copyOf(this.refunds.values()), List.copyOf(this.events.values()), captured, refunded, pending);
	}

	private EventRecord event(EventType type, Payment payment, Order order, Refund refund, Instant now) {
		Event event = new Event(newId(GatewayChoices.EVENT_PREFIX, this.events), type, payment, order, refund, now);
		EventRecord record = new EventRecord(event, this.json.apply(Wire.eventBody(event)),
				payment.webhooksSuppressed());
		this.events.put(event.id(), record);
		return record;
	}

	private void publish(List<EventRecord> made) {
		Listener current = this.listener;
		for (EventRecord record : made) {
			current.eventRecorded(record);
		}
	}

	// ---------------------------------------------------------------- checks

	private String newId(String prefix, Map<String, ?> existing) {
		String id = this.ids.next(prefix);
		while (existing.containsKey(id)) {
			id = this.ids.next(prefix);
		}
		return id;
	}

	private static <T> T found(T value) {
		if (value == null) {
			throw GatewayException.notFound();
		}
		return value;
	}

	private static void checkReceipt(String receipt) {
		if (receipt != null && (receipt.isEmpty() || receipt.length() > GatewayChoices.RECEIPT_MAX_LENGTH)) {
			throw GatewayException.badRequest("receipt", GatewayChoices.TEXT_RECEIPT_LENGTH);
		}
	}

	/** Validated notes in their given order (unmodifiable); empty for null. */
	static Map<String, String> checkNotes(Map<String, String> notes) {
		if (notes == null || notes.isEmpty()) {
			return Map.of();
		}
		if (notes.size() > GatewayChoices.NOTES_MAX_ENTRIES) {
			throw GatewayException.badRequest("notes", GatewayChoices.TEXT_NOTES_COUNT);
		}
		Map<String, String> copy = new LinkedHashMap<>();
		notes.forEach((key, value) -> {
			if (key == null || value == null) {
				throw GatewayException.badRequest("notes", GatewayChoices.TEXT_NOTES_SHAPE);
			}
			if (key.isEmpty() || key.length() > GatewayChoices.NOTE_MAX_LENGTH
					|| value.length() > GatewayChoices.NOTE_MAX_LENGTH) {
				throw GatewayException.badRequest("notes", GatewayChoices.TEXT_NOTES_LENGTH);
			}
			copy.put(key, value);
		});
		return Collections.unmodifiableMap(copy);
	}

	/** Hears of what the gateway made; called outside the gateway's lock. */
	public interface Listener {

		/** Hears nothing. */
		Listener NONE = new Listener() {
		};

		/** A new event (suppressed ones too), in creation order. */
		default void eventRecorded(EventRecord record) {
		}

		/** A refund to process after {@code delayMs} (see {@link #processRefund}). */
		default void refundPending(String refundId, long delayMs) {
		}

	}

}
