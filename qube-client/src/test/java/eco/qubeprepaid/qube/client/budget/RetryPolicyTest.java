package eco.qubeprepaid.qube.client.budget;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private final RetryPolicy policy = RetryPolicy.DEFAULT;

	@Test
	void ceilingDoublesFromBaseUpToCap() {
		assertThat(this.policy.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.policy.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.policy.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.policy.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(this.policy.ceiling(6)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.policy.ceiling(1000)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void fullJitterStaysWithinZeroAndCeilingAndSpreadsOverTheRange() {
		SplittableRandom random = new SplittableRandom(7);
		for (int retry = 1; retry <= 8; retry++) {
			Duration ceiling = this.policy.ceiling(retry);
			Duration smallest = ceiling;
			Duration largest = Duration.ZERO;
			for (int draw = 0; draw < 2000; draw++) {
				Duration backoff = this.policy.backoff(retry, random);
				assertThat(backoff).isBetween(Duration.ZERO, ceiling);
				smallest = (backoff.compareTo(smallest) < 0) ? backoff : smallest;
				largest = (backoff.compareTo(largest) > 0) ? backoff : largest;
			}
			assertThat(smallest).as("full jitter reaches near zero").isLessThan(ceiling.dividedBy(50));
			assertThat(largest).as("full jitter reaches near the ceiling")
				.isGreaterThan(ceiling.multipliedBy(49).dividedBy(50));
		}
	}

	@Test
	void zeroBaseNeverWaits() {
		RetryPolicy immediate = new RetryPolicy(Duration.ZERO, Duration.ZERO, 3);
		assertThat(immediate.backoff(3, new SplittableRandom(1))).isZero();
	}

}
