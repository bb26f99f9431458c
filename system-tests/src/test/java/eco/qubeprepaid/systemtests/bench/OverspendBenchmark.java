package eco.qubeprepaid.systemtests.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import eco.qubeprepaid.poller.schedule.domain.PollOutcome;
import eco.qubeprepaid.poller.schedule.domain.PollScheduler;
import eco.qubeprepaid.poller.schedule.domain.SchedulePolicy;

/**
 * Overspend benchmark (issue 3): how many paise 1,000 prepaid meters consume below zero
 * before their relay goes off, when the budget of polls is spent by the poller's real
 * scheduler ({@link PollScheduler} from {@code poller-service}) or by plain round robin.
 * <p>
 * This is a <b>simulation</b>, documented as such in {@code docs/benchmarks.md}: a simple
 * meter model ({@link SimulatedFleet}), one API key's budget of polls per minute spread
 * evenly, and the rule that the relay goes off at the first poll that sees a balance at
 * or below zero (the ledger balance is only known when a poll reads it). Both strategies
 * see the same fleet, the same budget and the same poll instants; only the choice of the
 * meter differs. A meter that overspends and is not polled again before the end counts
 * with its overspend at the end.
 * <p>
 * Usage: {@code OverspendBenchmark [meters=1000] [pollsPerMinute=100] [hours=12]
 * [floorsInMinutes=10,15,20,30] [seed=42]}.
 */
public final class OverspendBenchmark {

	private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(30);

	private OverspendBenchmark() {
	}

	public static void main(String[] args) {
		int meters = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int pollsPerMinute = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		int hours = (args.length > 2) ? Integer.parseInt(args[2]) : 12;
		List<Integer> floors = List.of(((args.length > 3) ? args[3] : "10,15,20,30").split(","))
			.stream()
			.map(Integer::parseInt)
			.toList();
		long seed = (args.length > 4) ? Long.parseLong(args[4]) : 42;
		System.out.printf(Locale.ROOT,
				"overspend: %d meters, %d polls/min, %d h simulated, min poll interval %d s, seed %d%n", meters,
				pollsPerMinute, hours, MIN_POLL_INTERVAL.toSeconds(), seed);
		Result roundRobin = run(new RoundRobin(meters), meters, pollsPerMinute, hours, seed);
		System.out.println("round robin:             " + roundRobin);
		for (int floor : floors) {
			Result scheduled = run(new Scheduled(meters, Duration.ofMinutes(floor)), meters, pollsPerMinute, hours,
					seed);
			System.out.printf(Locale.ROOT, "scheduler, floor %3d min: %s -> %.1fx less overspend%n", floor, scheduled,
					(double) roundRobin.overspendPaise() / Math.max(1, scheduled.overspendPaise()));
		}
	}

	static Result run(Strategy strategy, int meters, int pollsPerMinute, int hours, long seed) {
		SimulatedFleet fleet = new SimulatedFleet(meters, seed);
		Instant origin = Instant.parse("2025-10-01T00:00:00Z");
		long slotMillis = 60_000L / pollsPerMinute;
		long endMillis = hours * 3_600_000L;
		long overspend = 0;
		long cutOffs = 0;
		long pollsOfCutMeters = 0;
		long polls = 0;
		for (long t = 0; t < endMillis; t += slotMillis) {
			Instant now = origin.plusMillis(t);
			Optional<Integer> chosen = strategy.next(now);
			if (chosen.isEmpty()) {
				continue;
			}
			int meter = chosen.get();
			polls++;
			fleet.advance(meter, t);
			long balance = fleet.balance(meter);
			// The poll reports the relay as it found it: the cut-off it triggers is a
			// command that follows, so the scheduler learns of it at the next poll, as
			// in the poller.
			boolean suppliedWhenRead = fleet.relayOn(meter);
			if (!suppliedWhenRead) {
				pollsOfCutMeters++;
			}
			else if (balance <= 0) {
				fleet.switchOff(meter);
				overspend += -balance;
				cutOffs++;
			}
			strategy.polled(meter, now, balance, suppliedWhenRead);
		}
		long unpolled = 0;
		for (int meter = 0; meter < meters; meter++) {
			if (fleet.relayOn(meter)) {
				fleet.advance(meter, endMillis);
				long balance = fleet.balance(meter);
				if (balance < 0) {
					unpolled++;
					overspend += -balance;
				}
			}
		}
		return new Result(overspend, cutOffs, unpolled, polls, pollsOfCutMeters);
	}

	/** Chooses the next meter to poll. */
	interface Strategy {

		Optional<Integer> next(Instant now);

		void polled(int meter, Instant at, long balancePaise, boolean supplied);

	}

	/** Plain round robin: every meter in turn, whatever its balance. */
	static final class RoundRobin implements Strategy {

		private final int meters;

		private int next;

		RoundRobin(int meters) {
			this.meters = meters;
		}

		@Override
		public Optional<Integer> next(Instant now) {
			int meter = this.next;
			this.next = (this.next + 1) % this.meters;
			return Optional.of(meter);
		}

		@Override
		public void polled(int meter, Instant at, long balancePaise, boolean supplied) {
			// Round robin ignores what it reads.
		}

	}

	/**
	 * The poller's own scheduler, unchanged, with the poller's defaults but the floor. It
	 * is told each poll's balance and relay state as the poller tells it (every simulated
	 * meter is online), so a switched-off meter is revisited at the floor.
	 */
	static final class Scheduled implements Strategy {

		private final PollScheduler scheduler;

		Scheduled(int meters, Duration floor) {
			this.scheduler = new PollScheduler(SchedulePolicy.of(floor, MIN_POLL_INTERVAL), meters);
			for (int meter = 0; meter < meters; meter++) {
				this.scheduler.track(Integer.toString(meter), null, null, true);
			}
		}

		@Override
		public Optional<Integer> next(Instant now) {
			return this.scheduler.next(now).map(Integer::valueOf);
		}

		@Override
		public void polled(int meter, Instant at, long balancePaise, boolean supplied) {
			this.scheduler.polled(Integer.toString(meter), new PollOutcome(at, balancePaise, supplied, true));
		}

	}

	/**
	 * The outcome of one run.
	 *
	 * @param overspendPaise paise consumed below zero before the relay went off, summed
	 * @param cutOffs relays switched off at a poll
	 * @param overspentUnpolled meters below zero at the end that no poll caught
	 * @param polls polls made
	 * @param pollsOfCutMeters polls spent on meters already switched off
	 */
	record Result(long overspendPaise, long cutOffs, long overspentUnpolled, long polls, long pollsOfCutMeters) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"overspend %,d paise (%d cut-offs, %.1f paise each; %d overspent meters not caught by the end), "
							+ "%d polls, %d of them on meters already off",
					this.overspendPaise, this.cutOffs,
					(double) this.overspendPaise / Math.max(1, this.cutOffs + this.overspentUnpolled),
					this.overspentUnpolled, this.polls, this.pollsOfCutMeters);
		}

	}

}
