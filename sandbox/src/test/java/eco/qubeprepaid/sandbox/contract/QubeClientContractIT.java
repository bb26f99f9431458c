package eco.qubeprepaid.sandbox.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import eco.qubeprepaid.qube.client.EnergyMath;
import eco.qubeprepaid.qube.client.QubeApiException;
import eco.qubeprepaid.qube.client.QubeClient;
import eco.qubeprepaid.qube.client.QubeClientConfig;
import eco.qubeprepaid.qube.client.QubeErrorCode;
import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import eco.qubeprepaid.qube.client.budget.RetryPolicy;
import eco.qubeprepaid.qube.client.budget.SystemBudgetTimer;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.History;
import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.MetadataUpdate;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Space;
import eco.qubeprepaid.qube.client.model.Tariff;
import eco.qubeprepaid.qube.client.model.VerifiedWrite;
import eco.qubeprepaid.sandbox.SandboxIntegrationTest;
import eco.qubeprepaid.sandbox.qube.config.QubeSimulation;
import eco.qubeprepaid.sandbox.qube.model.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real client against the running sandbox: every endpoint and every error code, so
 * that the client and the simulator cannot drift apart. The fixture is the seed's
 * quick-start account.
 */
@SandboxIntegrationTest
class QubeClientContractIT {

	private static final String KEY = "quickstart-key";

	private static final String DEVICE = "QUBE-ONE-5EED00000101";

	private static final long SPACE = 123;

	@LocalServerPort
	private int port;

	@Autowired
	private QubeSimulation simulation;

	@Test
	void readsTheSeedSpaceDeviceAndMetrics() {
		QubeClient client = client(KEY, 50);
		List<Space> spaces = client.spaces();
		assertThat(spaces).extracting(Space::spaceId).contains(SPACE);
		Space space = client.space(SPACE);
		assertThat(space.name()).isEqualTo("My Building");
		assertThat(space.devices()).anySatisfy((device) -> {
			assertThat(device.deviceId()).isEqualTo(DEVICE);
			assertThat(device.activeMode()).isEqualTo(Mode.PREPAID);
			assertThat(device.udfs().udf1()).isEqualTo("Building-A.Floor-1.Room-101");
		});
		DeviceDetails details = client.device(DEVICE);
		assertThat(details.online()).isTrue();
		assertThat(details.hasRelay()).isTrue();
		assertThat(details.reading("energy")).get().extracting((reading) -> reading.value()).isNotNull();
		DeviceMetrics metrics = client.metrics(DEVICE);
		assertThat(metrics.mode()).isNotEqualTo(Mode.UNKNOWN);
		assertThat(metrics.ebTariff()).isNotNull();
	}

	@Test
	void seedHistoryGivesTheDocumentedWeek() {
		History history = client(KEY, 50).history(DEVICE, "energy", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 7),
				HistoryInterval.ONE_DAY);
		assertThat(history.readings()).hasSize(7);
		assertThat(history.readings()).allSatisfy(
				(reading) -> assertThat(reading.timestamp().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30)));
		assertThat(EnergyMath.consumptions(history.readings())).containsExactly(new BigDecimal("25.5"),
				new BigDecimal("22.7"), new BigDecimal("25.6"), new BigDecimal("21.3"), new BigDecimal("23.6"),
				new BigDecimal("23.6"));
		assertThat(EnergyMath.consumption(history.readings())).isEqualByComparingTo("142.3");
	}

	@Test
	void writesAreAcceptedAndVerifiedByReadBack() {
		QubeClient client = client(KEY, 50);
		assertThat(client.updateSpace(SPACE, MetadataUpdate.builder().udf(2, "cluster-commercial").build()).confirmed())
			.isTrue();
		assertThat(client.space(SPACE).udfs().udf2()).isEqualTo("cluster-commercial");
		assertThat(client.updateDevice(DEVICE, MetadataUpdate.builder().udf(3, "contract").build()).confirmed())
			.isTrue();
		assertThat(client.device(DEVICE).udfs().udf3()).isEqualTo("contract");
		VerifiedWrite<Tariff> tariff = client.setTariff(DEVICE, new Tariff(500L, 800L));
		assertThat(tariff.isVerified()).as(tariff.toString()).isTrue();
		VerifiedWrite<Long> balance = client.setBalance(DEVICE, 25_000);
		assertThat(balance.isVerified()).as(balance.toString()).isTrue();
		VerifiedWrite<Mode> mode = client.setMode(DEVICE, Mode.PREPAID);
		assertThat(mode.isVerified()).as(mode.toString()).isTrue();
		VerifiedWrite<Boolean> relay = client.setRelay(DEVICE, true);
		assertThat(relay.isVerified()).as(relay.toString()).isTrue();
	}

	@Test
	void answersEveryDocumentedErrorCodeThroughTheClient() {
		assertThat(errorOf(() -> client("wrong-key", 50).spaces())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(QubeErrorCode.AUTHENTICATION_ERROR);
			assertThat(ex.httpStatus()).isEqualTo(401);
		});
		assertThat(errorOf(() -> client(KEY, 50).device("QUBE-ONE-000000000000"))).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(QubeErrorCode.DEVICE_NOT_FOUND);
			assertThat(ex.httpStatus()).isEqualTo(400);
		});
		assertThat(errorOf(() -> client(KEY, 50).space(999_999))).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(QubeErrorCode.NOT_YOUR_SPACE);
			assertThat(ex.httpStatus()).isEqualTo(400);
		});
		assertThat(errorOf(() -> client(KEY, 50).setBalance(DEVICE, -1))).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(QubeErrorCode.VALIDATION_ERROR);
			assertThat(ex.httpStatus()).isEqualTo(400);
		});
		assertThat(errorOf(() -> client(KEY, 50).history(DEVICE, "colour", LocalDate.of(2025, 9, 1),
				LocalDate.of(2025, 9, 7), HistoryInterval.ONE_DAY)))
			.extracting(QubeApiException::code)
			.isEqualTo(QubeErrorCode.VALIDATION_ERROR);
	}

	@Test
	void deviceWithoutSpaceAndOfflineDeviceGiveTheir417Codes() {
		QubeClient client = client(KEY, 50);
		this.simulation.cloud().adminDetach(DEVICE);
		try {
			assertThat(errorOf(() -> client.device(DEVICE))).satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(QubeErrorCode.DEVICE_NOT_IN_SPACE);
				assertThat(ex.httpStatus()).isEqualTo(417);
			});
		}
		finally {
			this.simulation.cloud().adminAttach(DEVICE, SPACE);
		}
		this.simulation.cloud().adminMeter(DEVICE).setAdminOnline(false, this.simulation.cloud().clock().nowMillis());
		try {
			assertThat(errorOf(() -> client.setRelay(DEVICE, false))).satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(QubeErrorCode.DEVICE_OFFLINE);
				assertThat(ex.httpStatus()).isEqualTo(417);
			});
			assertThat(client.device(DEVICE).online()).isFalse();
		}
		finally {
			this.simulation.cloud()
				.adminMeter(DEVICE)
				.setAdminOnline(true, this.simulation.cloud().clock().nowMillis());
		}
	}

	@Test
	void burstBeyondTheServerLimitIsAnsweredWith429() {
		// The client budget is deliberately larger than the server's 100 per minute, and
		// a 429
		// is not retried, so the burst must surface as rate_limit_exceeded.
		Map<String, List<Long>> accounts = this.simulation.cloud().accounts();
		String burstKey = accounts.keySet().stream().filter((key) -> !KEY.equals(key)).findFirst().orElseThrow();
		this.simulation.rateLimiter().setLimit(burstKey, new RateLimiter.Limit(20, 60));
		QubeClient client = client(burstKey, 1000);
		QubeApiException limited = null;
		for (int i = 0; i < 40 && limited == null; i++) {
			try {
				client.spaces();
			}
			catch (QubeApiException ex) {
				limited = ex;
			}
		}
		assertThat(limited).isNotNull();
		assertThat(limited.code()).isEqualTo(QubeErrorCode.RATE_LIMIT_EXCEEDED);
		assertThat(limited.httpStatus()).isEqualTo(429);
	}

	private QubeClient client(String key, int budget) {
		QubeClientConfig config = QubeClientConfig.builder(key)
			.baseUrl("http://127.0.0.1:" + this.port)
			.keyName("contract")
			.budget(budget, Duration.ofSeconds(60))
			.retry(new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 2))
			.rateLimitRetries(0)
			.verification(3, Duration.ofMillis(200))
			.build();
		return QubeClient.builder(config).budgetRegistry(new RateBudgetRegistry(SystemBudgetTimer.system())).build();
	}

	private static QubeApiException errorOf(Runnable call) {
		try {
			call.run();
		}
		catch (QubeApiException ex) {
			return ex;
		}
		throw new AssertionError("expected a QubeApiException");
	}

}
