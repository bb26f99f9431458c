package eco.qubeprepaid.notifier.notice.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 4);

	@Test
	void doublesThePauseUpToTheLongest() {
		assertThat(this.backoff.pauseAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.backoff.pauseAfter(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.backoff.pauseAfter(4)).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.backoff.pauseAfter(5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.backoff.pauseAfter(60)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void retriesUntilTheLastAttempt() {
		assertThat(this.backoff.mayRetry(3)).isTrue();
		assertThat(this.backoff.mayRetry(4)).isFalse();
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO, 0));
	}

}
