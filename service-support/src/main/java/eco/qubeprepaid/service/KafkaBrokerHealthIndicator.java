package eco.qubeprepaid.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Kafka broker answers. It belongs to the readiness group only: a
 * broker outage makes a service unready (stop sending it work) but must not make it
 * "dead", which would restart every service at once and cascade.
 */
public class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

	private final Admin admin;

	private final Duration timeout;

	/**
	 * Creates the indicator.
	 * @param adminProperties the admin client properties (bootstrap servers etc.)
	 * @param timeout how long to wait for the broker
	 */
	public KafkaBrokerHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
		super("Kafka broker check failed");
		Map<String, Object> props = new java.util.HashMap<>(adminProperties);
		props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.admin = Admin.create(props);
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
