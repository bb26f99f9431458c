package eco.qubeprepaid.systemtests.cutoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eco.qubeprepaid.events.DeviceSnapshotted;

/**
 * The snapshots of one premise in the order the poller published them, read as poll
 * cycles: how many polls fell between two instants and how long a cycle took. Times are
 * the snapshots' {@code observedAt}, the poller's real clock at the read.
 *
 * @param snapshots the premise's snapshots, oldest first
 */
record PollTimeline(List<DeviceSnapshotted> snapshots) {

	PollTimeline {
		snapshots = List.copyOf(snapshots);
	}

	/**
	 * @param after the start, exclusive
	 * @return the snapshots observed after it
	 */
	List<DeviceSnapshotted> after(Instant after) {
		return this.snapshots.stream().filter((s) -> s.observedAt().toInstant().isAfter(after)).toList();
	}

	/**
	 * @param after the start, exclusive
	 * @param before the end, exclusive
	 * @return how many polls were read strictly between the two instants
	 */
	long pollsBetween(Instant after, Instant before) {
		return after(after).stream().filter((s) -> s.observedAt().toInstant().isBefore(before)).count();
	}

	/**
	 * @param instant an instant
	 * @return the first snapshot observed at or after it
	 */
	Optional<DeviceSnapshotted> firstAtOrAfter(Instant instant) {
		return this.snapshots.stream().filter((s) -> !s.observedAt().toInstant().isBefore(instant)).findFirst();
	}

	/**
	 * @param from the start, inclusive
	 * @param to the end, inclusive
	 * @return the median time between two consecutive polls read in the span, zero with
	 * fewer than two
	 */
	Duration medianCycle(Instant from, Instant to) {
		List<Instant> times = this.snapshots.stream()
			.map((s) -> s.observedAt().toInstant())
			.filter((t) -> !t.isBefore(from) && !t.isAfter(to))
			.toList();
		List<Duration> gaps = new ArrayList<>();
		for (int i = 1; i < times.size(); i++) {
			gaps.add(Duration.between(times.get(i - 1), times.get(i)));
		}
		return gaps.isEmpty() ? Duration.ZERO : gaps.stream().sorted().toList().get(gaps.size() / 2);
	}

	/**
	 * @param to the end, inclusive
	 * @return the median time between two consecutive polls from the first poll up to
	 * {@code to}
	 */
	Duration medianCycleUntil(Instant to) {
		return this.snapshots.isEmpty() ? Duration.ZERO
				: medianCycle(this.snapshots.get(0).observedAt().toInstant(), to);
	}

}
