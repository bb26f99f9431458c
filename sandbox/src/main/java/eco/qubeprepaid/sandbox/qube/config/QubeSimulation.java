package eco.qubeprepaid.sandbox.qube.config;

import java.time.Clock;
import java.time.Instant;

import eco.qubeprepaid.sandbox.qube.model.Faults;
import eco.qubeprepaid.sandbox.qube.model.FleetGenerator;
import eco.qubeprepaid.sandbox.qube.model.QubeCloud;
import eco.qubeprepaid.sandbox.qube.model.QuickstartFixture;
import eco.qubeprepaid.sandbox.qube.model.RateLimiter;
import eco.qubeprepaid.sandbox.qube.model.SimChoices;
import eco.qubeprepaid.sandbox.qube.model.SimClock;

/**
 * The whole simulated Qube world (clock, cloud, rate limiter, faults) and how to put it
 * back into its start-up state. A plain object; {@link QubeSimulationConfiguration} makes
 * it a bean.
 */
public class QubeSimulation {

	private final QubeProperties properties;

	private final SimClock clock;

	private final QubeCloud cloud;

	private final RateLimiter rateLimiter;

	private final Faults faults;

	private volatile boolean lenientSlashes;

	public QubeSimulation(QubeProperties properties, Clock realClock) {
		this.properties = properties;
		this.clock = new SimClock(realClock, startInstant(realClock), properties.clock().speed());
		this.cloud = new QubeCloud(this.clock, properties.historyRetentionDays() * 86_400 / SimChoices.SAMPLE_SECONDS,
				properties.faultSeed());
		this.rateLimiter = new RateLimiter(startLimit());
		this.faults = new Faults(properties.faultSeed());
		reset();
	}

	/**
	 * Back to the start-up state: fixture and demo fleet rebuilt, clock, limits and
	 * faults reset.
	 */
	public synchronized void reset() {
		this.clock.reset(startInstant(this.clock.realClock()), this.properties.clock().speed());
		this.cloud.clear();
		this.rateLimiter.reset(startLimit());
		this.faults.reset();
		this.lenientSlashes = this.properties.lenientSlashes();
		if (this.properties.quickstart().enabled()) {
			QuickstartFixture.install(this.cloud, this.properties.quickstart().apiKey());
		}
		QubeProperties.Demo demo = this.properties.demo();
		if (demo.meters() > 0) {
			FleetGenerator.generate(this.cloud, demo.seed(), demo.meters(), demo.spaces(), demo.apiKeys());
		}
		else {
			demo.apiKeys().forEach(this.cloud::addAccount);
		}
	}

	public SimClock clock() {
		return this.clock;
	}

	public QubeCloud cloud() {
		return this.cloud;
	}

	public RateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	public Faults faults() {
		return this.faults;
	}

	public QubeProperties properties() {
		return this.properties;
	}

	/** Whether both trailing-slash forms are served (G11). */
	public boolean lenientSlashes() {
		return this.lenientSlashes;
	}

	public void setLenientSlashes(boolean lenient) {
		this.lenientSlashes = lenient;
	}

	private RateLimiter.Limit startLimit() {
		return new RateLimiter.Limit(this.properties.rateLimit().requests(),
				this.properties.rateLimit().windowSeconds());
	}

	private Instant startInstant(Clock realClock) {
		Instant start = this.properties.clock().start();
		return (start != null) ? start : realClock.instant();
	}

}
