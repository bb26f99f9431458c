package eco.qubeprepaid.systemtests.billing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void pricesEachSupplyAndRateAcrossDevicesAsOneSegmentFlooredToThePaisa() {
		GroundTruth start = truth(
				"""
						{"devices":[{"segments":[{"device_id":"A","active_tariff":1,"rate":600,"energy_milli_wh":1000000}]}]}""");
		// Since the start: A measured 1.5 Wh more at EB 600, then was replaced by B,
		// which
		// measured 2.5 Wh at EB 600 and 1 Wh at DG 1999. EB: 4 Wh x 600 = 2.4 paise -> 2,
		// not 0 + 1 (floor per device); DG: 1 Wh x 1999 = 1.999 paise -> 1.
		GroundTruth end = truth("""
				{"devices":[
				 {"segments":[{"device_id":"A","active_tariff":1,"rate":600,"energy_milli_wh":1001500}]},
				 {"segments":[{"device_id":"B","active_tariff":1,"rate":600,"energy_milli_wh":2500},
				              {"device_id":"B","active_tariff":2,"rate":1999,"energy_milli_wh":1000}]}]}""");

		assertThat(end.since(start)).isEqualTo(new GroundTruth.Charges(4000, 2, 1000, 1));
	}

	@Test
	void keepsARetiredDeviceAsItWasAtItsReplacement() {
		GroundTruth atReplacement = truth("""
				{"devices":[{"segments":[{"device_id":"A","active_tariff":1,"rate":1000,"energy_milli_wh":5000}]}]}""");
		GroundTruth later = truth("""
				{"devices":[
				 {"segments":[{"device_id":"A","active_tariff":1,"rate":1000,"energy_milli_wh":9000}]},
				 {"segments":[{"device_id":"B","active_tariff":1,"rate":1000,"energy_milli_wh":3000}]}]}""");

		GroundTruth corrected = later.withDeviceAsIn("A", atReplacement);

		assertThat(corrected.since(truth("{\"devices\":[]}"))).isEqualTo(new GroundTruth.Charges(8000, 8, 0, 0));
	}

	private static GroundTruth truth(String json) {
		JsonNode node = JSON.readTree(json);
		return GroundTruth.of(node);
	}

}
