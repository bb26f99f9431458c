package eco.qubeprepaid.qube.client.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A history series of one property (E6).
 *
 * @param deviceId the device
 * @param fromDate the first IST day, inclusive
 * @param toDate the last IST day, inclusive
 * @param readings the buckets in time order, never {@code null}
 */
public record History(String deviceId, LocalDate fromDate, LocalDate toDate, List<HistoryReading> readings) {

	public History {
		readings = List.copyOf(readings);
	}

}
