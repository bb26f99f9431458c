package eco.qubeprepaid.balance.ledger.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The record of a movement a person or another service asked for, kept with its ledger
 * posting (same key): what, how much, why, who, and whether the debit floor was
 * overridden.
 *
 * @param key the ledger posting's idempotency key
 * @param premiseId the premise
 * @param kind the movement
 * @param amountPaise the amount, more than zero
 * @param reason why, as the person gave it
 * @param requestedBy who: the authenticated account, with the person it names
 * @param floorPaise the debit floor in force
 * @param belowFloor whether a debit was allowed below the floor by an explicit override
 * @param balanceAfterPaise the wallet balance right after it
 * @param createdAt when it was posted
 */
public record WalletMovement(String key, String premiseId, MovementKind kind, long amountPaise, String reason,
		String requestedBy, long floorPaise, boolean belowFloor, long balanceAfterPaise, Instant createdAt) {

	public WalletMovement {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(premiseId, "premiseId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(requestedBy, "requestedBy");
		Objects.requireNonNull(createdAt, "createdAt");
		if (amountPaise <= 0) {
			throw new IllegalArgumentException("a movement's amount must be more than zero, was " + amountPaise);
		}
	}

	/**
	 * @param other a movement asked for under the same key
	 * @return whether it asks for the same thing (premise, kind, amount)
	 */
	public boolean sameAs(WalletMovement other) {
		return this.premiseId.equals(other.premiseId) && this.kind == other.kind
				&& this.amountPaise == other.amountPaise;
	}

}
