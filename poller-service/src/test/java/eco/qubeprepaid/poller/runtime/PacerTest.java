package eco.qubeprepaid.poller.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PacerTest {

	private final Pacer pacer = new Pacer();

	@Test
	void aPauseOfARunningPacerLastsItsDurationAndLetsTheWorkerGoOn() {
		this.pacer.resume();
		long started = System.nanoTime();

		boolean goOn = this.pacer.pause(Duration.ofMillis(200));

		assertThat(goOn).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void aHaltEndsAPauseInProgressAtOnceAndEveryLaterPauseReturnsAtOnce() {
		this.pacer.resume();
		CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> this.pacer.pause(Duration.ofHours(1)));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.pacer.running() && !paused.isDone());

		this.pacer.halt();

		assertThat(paused).succeedsWithin(5, TimeUnit.SECONDS).isEqualTo(false);
		assertThat(this.pacer.running()).isFalse();
		long started = System.nanoTime();
		assertThat(this.pacer.pause(Duration.ofHours(1))).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void anInterruptedPauseStopsTheWorkerAndKeepsTheInterruptFlag() throws Exception {
		this.pacer.resume();
		CompletableFuture<Boolean> flagKept = new CompletableFuture<>();
		CompletableFuture<Boolean> result = new CompletableFuture<>();
		Thread worker = new Thread(() -> {
			result.complete(this.pacer.pause(Duration.ofHours(1)));
			flagKept.complete(Thread.currentThread().isInterrupted());
		});
		worker.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> worker.getState() == Thread.State.TIMED_WAITING);

		worker.interrupt();

		assertThat(result).succeedsWithin(5, TimeUnit.SECONDS).isEqualTo(false);
		assertThat(flagKept).succeedsWithin(5, TimeUnit.SECONDS).isEqualTo(true);
		assertThat(this.pacer.running()).isTrue();
	}

	@Test
	void aResumedPacerPausesAgain() {
		this.pacer.resume();
		this.pacer.halt();
		this.pacer.resume();

		assertThat(this.pacer.pause(Duration.ofMillis(10))).isTrue();
	}

}
