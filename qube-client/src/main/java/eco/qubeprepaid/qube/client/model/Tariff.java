package eco.qubeprepaid.qube.client.model;

/**
 * The two tariffs in paise per kWh. In a write, a {@code null} field is left unchanged.
 *
 * @param ebTariff the grid (Electricity Board) tariff, or {@code null}
 * @param dgTariff the Diesel Generator tariff, or {@code null}
 */
public record Tariff(Long ebTariff, Long dgTariff) {

	/**
	 * Keeps only the fields that {@code requested} sets, so that a partial write can be
	 * compared with what the meter reports.
	 * @param requested the tariff that was written
	 * @return this tariff restricted to the requested fields
	 */
	public Tariff restrictedTo(Tariff requested) {
		return new Tariff((requested.ebTariff() != null) ? this.ebTariff : null,
				(requested.dgTariff() != null) ? this.dgTariff : null);
	}

}
