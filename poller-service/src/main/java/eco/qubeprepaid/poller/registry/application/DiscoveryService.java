package eco.qubeprepaid.poller.registry.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import eco.qubeprepaid.events.DeviceIdentityMissing;
import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.qube.QubeEgressProperties;
import eco.qubeprepaid.poller.registry.domain.EpochReason;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.poller.registry.domain.PremiseIdentity;
import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.poller.registry.domain.UnidentifiedDevice;
import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.model.DeviceSummary;
import eco.qubeprepaid.qube.client.model.Space;
import eco.qubeprepaid.service.outbox.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every space of a key (E1, at HOUSEKEEPING priority) and brings the registry up to
 * date: a new identity becomes a premise in epoch 1, a known identity under a new device
 * id starts a new epoch (a replacement), and a device without the identity UDF is flagged
 * (metric, operator API, one {@link DeviceIdentityMissing} event) and never polled. When
 * two devices carry the same identity, the one already registered keeps it and the other
 * is flagged, because billing either by guess would be wrong.
 */
@Service
public class DiscoveryService {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryService.class);

	private final QubeClients clients;

	private final PremiseRegistry registry;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int identityUdf;

	private final String identityUdfName;

	private final AtomicInteger unidentifiedCount = new AtomicInteger();

	public DiscoveryService(QubeClients clients, PremiseRegistry registry, Outbox outbox,
			TransactionTemplate transactions, Clock clock, QubeEgressProperties properties, MeterRegistry meters) {
		this.clients = clients;
		this.registry = registry;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
		this.identityUdf = properties.identityUdfIndex();
		this.identityUdfName = properties.identityUdf();
		Gauge.builder("poller.devices.unidentified", this.unidentifiedCount, AtomicInteger::get)
			.description("Devices without the identity UDF: flagged, never polled or billed")
			.register(meters);
	}

	/**
	 * Discovers one key's devices and updates the registry.
	 * @param keyName the key
	 * @return what changed
	 */
	public Result discover(String keyName) {
		List<Space> spaces = this.clients.client(keyName).withPriority(Priority.HOUSEKEEPING).spaces();
		Instant now = this.clock.instant();
		Map<PremiseIdentity, DeviceSummary> identified = new LinkedHashMap<>();
		Map<String, UnidentifiedDevice> unidentified = new LinkedHashMap<>();
		for (Space space : spaces) {
			for (DeviceSummary device : space.devices()) {
				Optional<PremiseIdentity> identity = identityOf(device);
				if (identity.isEmpty()) {
					unidentified.put(device.deviceId(),
							new UnidentifiedDevice(device.deviceId(), keyName, space.spaceId(), device.name(), now));
					continue;
				}
				DeviceSummary other = identified.putIfAbsent(identity.get(), device);
				if (other != null) {
					DeviceSummary loser = chooseDuplicateLoser(identity.get(), other, device);
					identified.put(identity.get(), (loser == device) ? other : device);
					log.warn("Devices {} and {} both carry identity {}; flagging {}", other.deviceId(),
							device.deviceId(), identity.get(), loser.deviceId());
					unidentified.put(loser.deviceId(),
							new UnidentifiedDevice(loser.deviceId(), keyName, space.spaceId(), loser.name(), now));
				}
			}
		}
		List<Premise> added = new ArrayList<>();
		List<Premise> replaced = new ArrayList<>();
		identified.forEach((identity, device) -> {
			Optional<Premise> known = this.registry.find(identity);
			if (known.isEmpty()) {
				Premise premise = Premise.discovered(identity, keyName, device.deviceId());
				this.registry.startEpoch(premise, EpochReason.DISCOVERED, now);
				added.add(premise);
			}
			else if (known.get().isReplacedBy(device.deviceId())) {
				Premise premise = known.get().replacedBy(device.deviceId(), keyName);
				this.registry.startEpoch(premise, EpochReason.REPLACEMENT, now);
				log.info("Premise {} has a new device {} (was {}); epoch {} begins", identity, device.deviceId(),
						known.get().deviceId(), premise.epoch());
				replaced.add(premise);
			}
		});
		flag(keyName, unidentified, now);
		return new Result(keyName, identified.size(), added, replaced, List.copyOf(unidentified.values()));
	}

	private void flag(String keyName, Map<String, UnidentifiedDevice> unidentified, Instant now) {
		this.transactions.executeWithoutResult((status) -> {
			Set<String> known = new HashSet<>();
			this.registry.unidentified().forEach((device) -> known.add(device.deviceId()));
			this.registry.replaceUnidentified(keyName, unidentified.values());
			List<DeviceIdentityMissing> missing = new ArrayList<>();
			for (UnidentifiedDevice device : unidentified.values()) {
				if (!known.contains(device.deviceId())) {
					missing.add(new DeviceIdentityMissing(UUID.randomUUID(), now,
							DeviceIdentityMissing.KEY_PREFIX + device.deviceId(), keyName, device.deviceId(),
							device.spaceId(), device.name(), this.identityUdfName));
				}
			}
			this.outbox.append(missing);
		});
		this.unidentifiedCount.set(this.registry.unidentified().size());
	}

	private DeviceSummary chooseDuplicateLoser(PremiseIdentity identity, DeviceSummary first, DeviceSummary second) {
		Optional<Premise> known = this.registry.find(identity);
		if (known.isPresent() && known.get().deviceId().equals(first.deviceId())) {
			return second;
		}
		if (known.isPresent() && known.get().deviceId().equals(second.deviceId())) {
			return first;
		}
		return second;
	}

	private Optional<PremiseIdentity> identityOf(DeviceSummary device) {
		try {
			return PremiseIdentity.fromUdf(device.udfs().get(this.identityUdf));
		}
		catch (IllegalArgumentException tooLong) {
			return Optional.empty();
		}
	}

	/**
	 * What one discovery found.
	 *
	 * @param keyName the key
	 * @param identified how many devices carry an identity
	 * @param added premises seen for the first time
	 * @param replaced premises whose device changed
	 * @param unidentified devices without identity
	 */
	public record Result(String keyName, int identified, List<Premise> added, List<Premise> replaced,
			List<UnidentifiedDevice> unidentified) {
	}

}
