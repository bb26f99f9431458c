package eco.qubeprepaid.qube.client;

import java.time.LocalDate;
import java.util.List;

import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.History;
import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.MetadataUpdate;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Space;
import eco.qubeprepaid.qube.client.model.Tariff;
import eco.qubeprepaid.qube.client.model.VerifiedWrite;
import eco.qubeprepaid.qube.client.model.WriteAck;

/**
 * The Qube cloud API v2 as typed operations: the port the rest of the system depends on.
 * Every method draws on the key's shared rate budget and throws a
 * {@link QubeClientException} on failure ({@link QubeApiException} when the server
 * answered with an error code).
 */
public interface QubeApi {

	/**
	 * Returns a view of this API whose calls all take the given budget priority.
	 * @param priority the priority for every call through the view
	 * @return the view
	 */
	QubeApi withPriority(Priority priority);

	/**
	 * E1: lists the spaces the key can see, with their devices.
	 * @return the spaces
	 */
	List<Space> spaces();

	/**
	 * E2: gets one space.
	 * @param spaceId the space
	 * @return the space
	 */
	Space space(long spaceId);

	/**
	 * E3: updates a space's metadata (partial).
	 * @param spaceId the space
	 * @param update the fields to change
	 * @return the acknowledgement
	 */
	WriteAck updateSpace(long spaceId, MetadataUpdate update);

	/**
	 * E4: gets a device with its current readings; works while the device is offline.
	 * @param deviceId the device
	 * @return the details
	 */
	DeviceDetails device(String deviceId);

	/**
	 * E5: gets the flattened current metrics; needs the device online.
	 * @param deviceId the device
	 * @return the metrics
	 */
	DeviceMetrics metrics(String deviceId);

	/**
	 * E6: gets the history of one property over whole IST days.
	 * @param deviceId the device
	 * @param propertyId for example {@code energy}
	 * @param from the first IST day, inclusive
	 * @param to the last IST day, inclusive
	 * @param interval the bucket size
	 * @return the series
	 */
	History history(String deviceId, String propertyId, LocalDate from, LocalDate to, HistoryInterval interval);

	/**
	 * P1: updates a device's metadata (partial); does not need the device online.
	 * @param deviceId the device
	 * @param update the fields to change
	 * @return the acknowledgement
	 */
	WriteAck updateDevice(String deviceId, MetadataUpdate update);

	/**
	 * P2: switches the relay, verified by reading {@code relay_state} back.
	 * @param deviceId the device
	 * @param on {@code true} to switch the supply on
	 * @return the verified result
	 */
	VerifiedWrite<Boolean> setRelay(String deviceId, boolean on);

	/**
	 * P3: changes the mode, verified by reading {@code mode} back.
	 * @param deviceId the device
	 * @param mode the new mode
	 * @return the verified result
	 */
	VerifiedWrite<Mode> setMode(String deviceId, Mode mode);

	/**
	 * P4: sets the balance to an absolute value, verified by reading {@code balance}
	 * back.
	 * @param deviceId the device
	 * @param paise the new balance in paise
	 * @return the verified result
	 */
	VerifiedWrite<Long> setBalance(String deviceId, long paise);

	/**
	 * P5: sets the tariffs, verified by reading them back.
	 * @param deviceId the device
	 * @param tariff the tariffs; a {@code null} field stays unchanged
	 * @return the verified result
	 */
	VerifiedWrite<Tariff> setTariff(String deviceId, Tariff tariff);

	/**
	 * P6: sets the WiFi credentials. It cannot be read back, so it is sent once and never
	 * retried after an ambiguous failure.
	 * @param deviceId the device
	 * @param ssid the network name
	 * @param password the password
	 * @return the acknowledgement
	 */
	WriteAck setWifi(String deviceId, String ssid, String password);

}
