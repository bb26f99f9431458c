package eco.qubeprepaid.balance.metering.domain;

import java.util.UUID;

/**
 * A reading held with an unresolved quarantined reading.
 *
 * @param suspectSnapshotId the quarantined snapshot it follows
 * @param reading the held reading
 */
public record HeldReading(UUID suspectSnapshotId, MeterReading reading) {
}
