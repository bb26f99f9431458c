package eco.qubeprepaid.qube.client.model;

import java.util.List;
import java.util.Optional;

/**
 * The full device record with its current readings (E4). Fields beyond the documented
 * ones ({@code name}, {@code device_id}, {@code is_online}, {@code has_relay},
 * {@code active_mode}, {@code balance}, {@code readings}) are {@code null} when the
 * server leaves them out.
 *
 * @param deviceId the opaque device ID
 * @param name the name
 * @param description the description, may be {@code null}
 * @param spaceId the space, may be {@code null}
 * @param online whether the device is reachable now ({@code false} if the key is missing)
 * @param hasRelay whether the meter can switch the supply ({@code false} if the key is
 * missing)
 * @param activeMode the mode
 * @param balance the prepaid balance in paise, may be {@code null}
 * @param relayState {@code true} when the supply is on, may be {@code null}
 * @param ebTariff the grid tariff in paise per kWh, may be {@code null}
 * @param dgTariff the generator tariff in paise per kWh, may be {@code null}
 * @param activeTariff 1 for EB, 2 for DG, may be {@code null}
 * @param pgEnabled whether Qube's own payment gateway may recharge the meter, may be
 * {@code null}
 * @param readings the current readings, never {@code null}
 * @param udfs the user-defined fields
 */
public record DeviceDetails(String deviceId, String name, String description, Long spaceId, boolean online,
		boolean hasRelay, Mode activeMode, Long balance, Boolean relayState, Long ebTariff, Long dgTariff,
		Integer activeTariff, Boolean pgEnabled, List<Reading> readings, Udfs udfs) {

	public DeviceDetails {
		readings = List.copyOf(readings);
	}

	/**
	 * Finds a reading by property.
	 * @param propertyId for example {@code energy}
	 * @return the first reading of that property
	 */
	public Optional<Reading> reading(String propertyId) {
		return this.readings.stream().filter((reading) -> propertyId.equals(reading.propertyId())).findFirst();
	}

}
