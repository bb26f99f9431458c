package eco.qubeprepaid.balance.ledger.persistence;

import java.util.List;
import java.util.Optional;

import eco.qubeprepaid.balance.jooq.tables.records.WalletMovementRecord;
import eco.qubeprepaid.balance.ledger.application.WalletMovementRepository;
import eco.qubeprepaid.balance.ledger.domain.MovementKind;
import eco.qubeprepaid.balance.ledger.domain.WalletMovement;
import eco.qubeprepaid.service.persistence.DbTime;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.WALLET_MOVEMENT;

/** The movement records through jOOQ, in the caller's transaction. */
@Repository
public class WalletMovementStore implements WalletMovementRepository {

	private final DSLContext dsl;

	public WalletMovementStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<WalletMovement> find(String key) {
		return this.dsl.selectFrom(WALLET_MOVEMENT)
			.where(WALLET_MOVEMENT.MOVEMENT_KEY.eq(key))
			.fetchOptional()
			.map(WalletMovementStore::movement);
	}

	@Override
	public void record(WalletMovement movement) {
		this.dsl.insertInto(WALLET_MOVEMENT)
			.set(WALLET_MOVEMENT.MOVEMENT_KEY, movement.key())
			.set(WALLET_MOVEMENT.PREMISE_ID, movement.premiseId())
			.set(WALLET_MOVEMENT.KIND, movement.kind().name())
			.set(WALLET_MOVEMENT.AMOUNT_PAISE, movement.amountPaise())
			.set(WALLET_MOVEMENT.REASON, movement.reason())
			.set(WALLET_MOVEMENT.REQUESTED_BY, movement.requestedBy())
			.set(WALLET_MOVEMENT.FLOOR_PAISE, movement.floorPaise())
			.set(WALLET_MOVEMENT.BELOW_FLOOR, movement.belowFloor())
			.set(WALLET_MOVEMENT.BALANCE_AFTER_PAISE, movement.balanceAfterPaise())
			.set(WALLET_MOVEMENT.CREATED_AT, DbTime.utc(movement.createdAt()))
			.execute();
	}

	@Override
	public List<WalletMovement> forPremise(String premiseId, int limit) {
		return this.dsl.selectFrom(WALLET_MOVEMENT)
			.where(WALLET_MOVEMENT.PREMISE_ID.eq(premiseId))
			.orderBy(WALLET_MOVEMENT.CREATED_AT.desc(), WALLET_MOVEMENT.MOVEMENT_KEY)
			.limit(limit)
			.fetch(WalletMovementStore::movement);
	}

	private static WalletMovement movement(WalletMovementRecord row) {
		return new WalletMovement(row.getMovementKey(), row.getPremiseId(), MovementKind.valueOf(row.getKind()),
				row.getAmountPaise(), row.getReason(), row.getRequestedBy(), row.getFloorPaise(), row.getBelowFloor(),
				row.getBalanceAfterPaise(), DbTime.instant(row.getCreatedAt()));
	}

}
