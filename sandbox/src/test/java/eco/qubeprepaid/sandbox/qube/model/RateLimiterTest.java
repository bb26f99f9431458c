package eco.qubeprepaid.sandbox.qube.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rolling-window limit, its headers' values and runtime changes. */
class RateLimiterTest {

	@Test
	void admitsUpToTheLimitThenRefusesUntilTheOldestRequestLeavesTheWindow() {
		RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(3, 10));
		assertThat(limiter.acquire("k", 0).remaining()).isEqualTo(2);
		assertThat(limiter.acquire("k", 1_000).remaining()).isEqualTo(1);
		RateLimiter.Decision third = limiter.acquire("k", 2_000);
		assertThat(third.allowed()).isTrue();
		assertThat(third.remaining()).isZero();
		assertThat(third.resetEpochSeconds()).isEqualTo(10);
		RateLimiter.Decision refused = limiter.acquire("k", 3_500);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(7);
		assertThat(limiter.acquire("k", 9_999).retryAfterSeconds()).isEqualTo(1);
		assertThat(limiter.acquire("k", 10_000).allowed()).isTrue();
		assertThat(limiter.acquire("other", 10_000).remaining()).isEqualTo(2);
	}

	@Test
	void perKeyLimitsOverrideTheDefaultAtRuntime() {
		RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(1, 60));
		limiter.setLimit("bench", new RateLimiter.Limit(1_000, 1));
		for (int i = 0; i < 1_000; i++) {
			assertThat(limiter.acquire("bench", 5).allowed()).isTrue();
		}
		assertThat(limiter.acquire("bench", 5).allowed()).isFalse();
		assertThat(limiter.acquire("k", 5).allowed()).isTrue();
		assertThat(limiter.acquire("k", 6).allowed()).isFalse();
		limiter.setDefaultLimit(new RateLimiter.Limit(2, 60));
		assertThat(limiter.acquire("k", 7).allowed()).isTrue();
	}

}
