package eco.qubeprepaid.qube.client.model;

import java.math.BigDecimal;

/**
 * The flattened current metrics of an online device (E5). Any field may be {@code null}
 * when the server leaves it out.
 *
 * @param deviceId the opaque device ID
 * @param ebTariff the grid tariff in paise per kWh
 * @param dgTariff the generator tariff in paise per kWh
 * @param activeTariff 1 for EB, 2 for DG
 * @param energy the cumulative energy register in kWh
 * @param activePower the active power in W
 * @param voltage the voltage in V
 * @param balance the prepaid balance in paise
 * @param relayState {@code true} when the supply is on
 * @param mode the mode
 * @param pgEnabled whether Qube's own payment gateway may recharge the meter
 */
public record DeviceMetrics(String deviceId, Long ebTariff, Long dgTariff, Integer activeTariff, BigDecimal energy,
		BigDecimal activePower, BigDecimal voltage, Long balance, Boolean relayState, Mode mode, Boolean pgEnabled) {

	/**
	 * Returns the tariffs as one value, for comparing against a tariff write.
	 * @return the EB and DG tariffs
	 */
	public Tariff tariff() {
		return new Tariff(this.ebTariff, this.dgTariff);
	}

}
