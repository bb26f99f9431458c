package eco.qubeprepaid.sandbox.qube.model;

import java.util.List;

/**
 * What the cloud shows about a meter at one moment. While the meter is offline the
 * readings, balance, relay and tariff are the values of its last sync (G16).
 *
 * @param deviceId the device ID
 * @param spaceId the space it belongs to, or {@code null} when detached
 * @param name the name
 * @param description the description, may be {@code null}
 * @param udfs udf1 to udf5, elements may be {@code null}
 * @param online whether it is online now
 * @param hasRelay whether it can switch the supply
 * @param mode the mode
 * @param relayState {@code true} when the supply is connected
 * @param balance prepaid balance in paise
 * @param ebTariff grid tariff, paise per kWh
 * @param dgTariff generator tariff, paise per kWh
 * @param activeTariff 1 (EB) or 2 (DG)
 * @param pgEnabled whether Qube's payment gateway may recharge it
 * @param energyMilliWh the cumulative energy register in milli-Wh
 * @param powerDeciW present active power in tenths of a watt
 * @param voltageDeciV present voltage in tenths of a volt
 */
public record MeterView(String deviceId, Long spaceId, String name, String description, List<String> udfs,
		boolean online, boolean hasRelay, Mode mode, boolean relayState, long balance, long ebTariff, long dgTariff,
		int activeTariff, boolean pgEnabled, long energyMilliWh, long powerDeciW, long voltageDeciV) {
}
