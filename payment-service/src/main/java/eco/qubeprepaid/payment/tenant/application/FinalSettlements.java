package eco.qubeprepaid.payment.tenant.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.payment.audit.application.Actor;
import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.refund.application.Refunds;
import eco.qubeprepaid.payment.refund.domain.Refund;
import eco.qubeprepaid.payment.refund.domain.RefundStatus;
import eco.qubeprepaid.payment.refund.domain.RefundablePayment;
import eco.qubeprepaid.payment.tenant.domain.Tenant;
import eco.qubeprepaid.service.text.Rupees;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient;
import eco.qubeprepaid.payment.wallet.client.WalletUnavailableException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's move-out with its final settlement. The wallet belongs to the premise, so
 * what it holds when a tenant leaves is theirs: it is refunded to the payments they made
 * while they lived there (newest first, each through the refund path: the wallet debited,
 * the gateway refunding under a key of the move-out and the payment, so settling again
 * refunds nothing twice). What cannot go back through the gateway (credit adopted from
 * the meter, payments made before they moved in) is left on the wallet and reported to be
 * paid out by hand with a debit adjustment; a debt is reported as arrears to be collected
 * from them and written off the premise with a credit adjustment, so that the next tenant
 * inherits neither. Every settlement is audited. A tenancy ends even when the wallet
 * cannot be read (balance-service away); the settlement is then asked for again with
 * {@link #settle}.
 */
@Service
public class FinalSettlements {

	private static final int PAYMENTS_LOOKED_AT = 500;

	private final Tenants tenants;

	private final Refunds refunds;

	private final BalanceServiceClient wallet;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	public FinalSettlements(Tenants tenants, Refunds refunds, BalanceServiceClient wallet, AuditTrail audit,
			TransactionTemplate transactions) {
		this.tenants = tenants;
		this.refunds = refunds;
		this.wallet = wallet;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Moves a tenant out and settles their wallet.
	 * @param actor the operator
	 * @param tenantId the tenant
	 * @param reason why
	 * @param refundCredit whether to refund the credit left (false: only end their
	 * tenancy, e.g. when the credit stays for a family member moving in)
	 * @return the settlement
	 * @throws Refusal 409 if they moved out already (settle again with {@link #settle})
	 */
	public Settlement moveOut(Actor actor, UUID tenantId, String reason, boolean refundCredit) {
		Tenant tenant = this.tenants.get(tenantId);
		if (!tenant.isCurrent()) {
			throw new Refusal(409, "Already moved out", "Tenant " + tenantId + " moved out at " + tenant.movedOutAt()
					+ "; POST …/final-settlement settles their wallet again");
		}
		Long balance;
		try {
			balance = this.wallet.balancePaise(tenant.premiseId());
		}
		catch (WalletUnavailableException ex) {
			balance = null;
		}
		// The tenancy ends whatever the wallet says: their sign-in stops now.
		Tenant moved = this.tenants.moveOut(actor.name(), tenantId, reason);
		if (balance == null) {
			return new Settlement(moved, null, List.of(), 0, 0, 0,
					"the wallet could not be read just now: POST /api/tenants/" + tenantId
							+ "/final-settlement to settle it");
		}
		return refundCredit ? settle(actor, moved, balance, reason)
				: report(actor, moved, balance, List.of(), Math.max(0, balance), reason);
	}

	/**
	 * Settles a moved-out tenant's wallet again (after a step that did not complete, or
	 * to see where it stands); refunds already asked for are not asked for again.
	 * @param actor the operator
	 * @param tenantId the tenant
	 * @param reason why
	 * @return the settlement
	 */
	public Settlement settle(Actor actor, UUID tenantId, String reason) {
		Tenant tenant = this.tenants.get(tenantId);
		if (tenant.isCurrent()) {
			throw new Refusal(409, "Still living there",
					"Tenant " + tenantId + " has not moved out: POST …/move-out settles their wallet");
		}
		return settle(actor, tenant, balance(tenant), reason);
	}

	private Settlement settle(Actor actor, Tenant tenant, long balance, String reason) {
		List<Refund> made = new ArrayList<>();
		long remaining = Math.max(0, balance);
		for (RefundablePayment payment : this.refunds.paymentsOf(tenant.premiseId(), PAYMENTS_LOOKED_AT)) {
			// Paid while they lived there (by this service's clock, not the gateway's).
			if (payment.recordedAt().isBefore(tenant.movedInAt())) {
				continue;
			}
			String key = "move-out:" + tenant.tenantId() + ":" + payment.paymentId();
			var earlier = this.refunds.byKey(key);
			if (earlier.isPresent()) {
				// Asked for by an earlier settlement: once debited, the balance no longer
				// holds it; still waiting for balance-service, it will be taken.
				made.add(earlier.get());
				if (earlier.get().status() == RefundStatus.REQUESTED) {
					remaining = Math.max(0, remaining - earlier.get().amountPaise());
				}
				continue;
			}
			long amount = Math.min(payment.refundablePaise(), remaining);
			if (amount < this.refunds.minimumPaise()) {
				continue;
			}
			Refund refund = this.refunds.request(
					new Refunds.Request(payment.paymentId(), amount,
							"final settlement at move-out" + ((reason != null) ? ": " + reason : ""), key, false),
					actor);
			made.add(refund);
			if (gives(refund)) {
				remaining -= amount;
			}
		}
		return report(actor, tenant, balance, made, remaining, reason);
	}

	private static boolean gives(Refund refund) {
		return !refund.status().releasesAmount() && refund.status() != RefundStatus.REVERSING;
	}

	private Settlement report(Actor actor, Tenant tenant, long balance, List<Refund> made, long left, String reason) {
		long refunding = made.stream().filter(FinalSettlements::gives).mapToLong(Refund::amountPaise).sum();
		long arrears = Math.max(0, -balance);
		String detail = "tenant " + tenant.tenantId() + ": wallet " + Rupees.format(balance) + " at settlement; "
				+ made.size() + " refund(s) of " + Rupees.format(refunding) + "; left on the wallet "
				+ Rupees.format(left) + "; arrears " + Rupees.format(arrears);
		this.transactions.executeWithoutResult((status) -> this.audit.record(actor.name(), actor.kind(),
				"tenant.final-settlement", tenant.premiseId(), reason, detail));
		String todo = (left > 0) ? "pay " + Rupees.format(left)
				+ " out to the tenant by hand and record it with a debit adjustment (it did not come through the"
				+ " gateway, or is waiting for balance-service)"
				: (arrears > 0) ? "collect " + Rupees.format(arrears)
						+ " from the tenant and clear it from the premise with a credit adjustment" : null;
		return new Settlement(tenant, balance, made, refunding, left, arrears, todo);
	}

	private long balance(Tenant tenant) {
		try {
			return this.wallet.balancePaise(tenant.premiseId());
		}
		catch (WalletUnavailableException ex) {
			throw new Refusal(503, "Wallet unavailable", "The wallet of " + tenant.premiseId()
					+ " cannot be read just now (" + ex.getMessage() + "); nothing was changed: try again");
		}
	}

	/**
	 * A final settlement.
	 *
	 * @param tenant the tenant, moved out
	 * @param balancePaise the wallet when it was settled (negative: a debt)
	 * @param refunds the refunds of the move-out, with where each is
	 * @param refundingPaise what they give back
	 * @param leftOnWalletPaise credit that did not go back through the gateway (adopted
	 * from the meter, paid before they moved in, or waiting for balance-service): pay it
	 * out by hand and record it with a debit adjustment
	 * @param arrearsPaise what they owe: collect it and clear it with a credit adjustment
	 * @param toDo what the operator still has to do, or null
	 */
	public record Settlement(Tenant tenant, Long balancePaise, List<Refund> refunds, long refundingPaise,
			long leftOnWalletPaise, long arrearsPaise, String toDo) {
	}

}
