package eco.qubeprepaid.poller.schedule.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses which meter of one API key to poll next, every time a poll worker is free.
 *
 * <ol>
 * <li><b>Floor first.</b> A meter never polled, or whose last poll is older than
 * {@code freshnessFloor - floorSlack}, goes first, oldest first. As long as the budget
 * can read every meter once per floor, no meter ever gets staler than the floor.</li>
 * <li><b>Closest to empty.</b> Otherwise, among the meters that are due (last poll older
 * than their revisit interval, which shrinks as the predicted time to zero shrinks), the
 * one predicted to run out soonest goes first. A meter whose relay was seen off is not
 * running down, whatever its balance: it has no prediction and is revisited at the floor,
 * so switched-off meters do not take the budget from the meters about to run out, and a
 * restore still shows within the floor.</li>
 * <li><b>Spend the budget.</b> Otherwise, among the meters last polled at least
 * {@code minInterval} ago, the one furthest through its revisit interval is polled
 * anyway, so spare budget makes every meter fresher in turn. (Polling the meter due
 * soonest instead spent all the spare budget on the few meters with the shortest
 * intervals, one read every couple of seconds, while the rest waited for the floor.)</li>
 * </ol>
 * The prediction is the sooner of two: the meter's own balance read by the polls, and the
 * ledger's wallet balance fed by {@link #ledgerBalance}, each with its own spend rate
 * (ADR 0006). A meter is handed to one worker at a time. Pure logic: the caller supplies
 * the time, and the table is bounded. Thread-safe: every method holds the scheduler's
 * monitor, which the poll workers of a key and the ledger listener share.
 */
public final class PollScheduler {

	private final SchedulePolicy policy;

	private final int capacity;

	private final Map<String, MeterTrack> tracks = new LinkedHashMap<>();

	/**
	 * Creates an empty scheduler.
	 * @param policy the rules
	 * @param capacity the most meters it tracks
	 */
	public PollScheduler(SchedulePolicy policy, int capacity) {
		this.policy = Objects.requireNonNull(policy, "policy");
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		this.capacity = capacity;
	}

	/**
	 * Starts tracking a meter (does nothing if it is tracked already).
	 * @param premiseId the premise
	 * @param lastPolledAt its last poll, {@code null} if never
	 * @param balancePaise its balance then, may be {@code null}
	 * @param ready whether it may be polled now (false until its gap fill is done)
	 * @throws IllegalStateException when the table is full
	 */
	public synchronized void track(String premiseId, Instant lastPolledAt, Long balancePaise, boolean ready) {
		if (this.tracks.containsKey(premiseId)) {
			return;
		}
		if (this.tracks.size() >= this.capacity) {
			throw new IllegalStateException("The scheduler tracks " + this.capacity + " meters already");
		}
		MeterTrack track = new MeterTrack(premiseId);
		track.lastPolledAt = lastPolledAt;
		track.meter.start(balancePaise, lastPolledAt);
		track.ready = ready;
		this.tracks.put(premiseId, track);
	}

	/**
	 * Stops tracking a meter.
	 * @param premiseId the premise
	 */
	public synchronized void untrack(String premiseId) {
		this.tracks.remove(premiseId);
	}

	/**
	 * Lets a meter be polled (after its gap fill).
	 * @param premiseId the premise
	 */
	public synchronized void markReady(String premiseId) {
		MeterTrack track = this.tracks.get(premiseId);
		if (track != null) {
			track.ready = true;
		}
	}

	/**
	 * Picks the next meter and hands it out until {@link #polled} or {@link #release}.
	 * @param now the time
	 * @return the premise to poll, empty when every meter is handed out or not ready
	 */
	public synchronized Optional<String> next(Instant now) {
		MeterTrack floorChoice = null;
		MeterTrack dueChoice = null;
		Duration dueChoiceTtz = null;
		MeterTrack spareChoice = null;
		long spareElapsedMs = 0;
		long spareIntervalMs = 1;
		Instant floorLine = now.minus(this.policy.freshnessFloor()).plus(this.policy.floorSlack());
		for (MeterTrack track : this.tracks.values()) {
			if (track.inFlight || !track.ready) {
				continue;
			}
			if (track.lastPolledAt == null || !track.lastPolledAt.isAfter(floorLine)) {
				if (floorChoice == null || OLDEST_FIRST.compare(track, floorChoice) < 0) {
					floorChoice = track;
				}
				continue;
			}
			Duration ttz = track.timeToZero();
			Duration interval = this.policy.revisitInterval(ttz);
			Instant dueAt = track.lastPolledAt.plus(interval);
			if (!dueAt.isAfter(now)) {
				if (dueChoice == null || closerToEmpty(ttz, dueChoiceTtz, track, dueChoice)) {
					dueChoice = track;
					dueChoiceTtz = ttz;
				}
				continue;
			}
			long elapsedMs = Duration.between(track.lastPolledAt, now).toMillis();
			if (elapsedMs < this.policy.minInterval().toMillis()) {
				continue;
			}
			long intervalMs = Math.max(1, interval.toMillis());
			// elapsed / interval compared without division: a / b > c / d iff a d > c b
			// (both below the floor in milliseconds, so the products fit in a long).
			if (spareChoice == null || elapsedMs * spareIntervalMs > spareElapsedMs * intervalMs) {
				spareChoice = track;
				spareElapsedMs = elapsedMs;
				spareIntervalMs = intervalMs;
			}
		}
		MeterTrack chosen = (floorChoice != null) ? floorChoice : (dueChoice != null) ? dueChoice : spareChoice;
		if (chosen == null) {
			return Optional.empty();
		}
		chosen.inFlight = true;
		return Optional.of(chosen.premiseId);
	}

	/**
	 * Records a finished poll and hands the meter back.
	 * @param premiseId the premise
	 * @param outcome what the poll read
	 */
	public synchronized void polled(String premiseId, PollOutcome outcome) {
		Objects.requireNonNull(outcome, "outcome");
		MeterTrack track = this.tracks.get(premiseId);
		if (track != null) {
			track.observe(outcome);
			track.inFlight = false;
		}
	}

	/**
	 * Records the ledger's wallet balance of a premise, in between its polls.
	 * @param premiseId the premise
	 * @param balance the ledger's balance
	 * @return whether it was applied, or why it was ignored
	 */
	public synchronized LedgerUpdate ledgerBalance(String premiseId, LedgerBalance balance) {
		Objects.requireNonNull(balance, "balance");
		MeterTrack track = this.tracks.get(premiseId);
		return (track != null) ? track.observe(balance) : LedgerUpdate.UNKNOWN_PREMISE;
	}

	/**
	 * Hands a meter back without a reading (the poll failed).
	 * @param premiseId the premise
	 */
	public synchronized void release(String premiseId) {
		MeterTrack track = this.tracks.get(premiseId);
		if (track != null) {
			track.inFlight = false;
		}
	}

	/**
	 * Returns the predicted time to zero of a meter, for tests and diagnostics.
	 * @param premiseId the premise
	 * @return the prediction, empty when unknown or not running down
	 */
	public synchronized Optional<Duration> timeToZero(String premiseId) {
		MeterTrack track = this.tracks.get(premiseId);
		return (track != null) ? Optional.ofNullable(track.timeToZero()) : Optional.empty();
	}

	/**
	 * Tells whether a meter is due now: past the floor line or its revisit interval. A
	 * meter that is not due would only be polled to spend spare budget.
	 * @param premiseId the premise
	 * @param now the time
	 * @return true if due (or unknown to the scheduler)
	 */
	public synchronized boolean isDue(String premiseId, Instant now) {
		MeterTrack track = this.tracks.get(premiseId);
		return track == null || isDue(track, now);
	}

	private boolean isDue(MeterTrack track, Instant now) {
		return track.lastPolledAt == null
				|| !track.lastPolledAt.plus(this.policy.revisitInterval(track.timeToZero())).isAfter(now)
				|| !track.lastPolledAt.isAfter(now.minus(this.policy.freshnessFloor()).plus(this.policy.floorSlack()));
	}

	/**
	 * Describes a meter's scheduling state, for diagnostics.
	 * @param premiseId the premise
	 * @param now the time
	 * @return a line of text, or {@code untracked}
	 */
	public synchronized String describe(String premiseId, Instant now) {
		MeterTrack track = this.tracks.get(premiseId);
		if (track == null) {
			return "untracked";
		}
		return "last polled " + track.lastPolledAt + ", in flight " + track.inFlight + ", ready " + track.ready
				+ ", switched off " + track.switchedOff + ", time to zero " + track.timeToZero() + ", due "
				+ isDue(track, now);
	}

	/**
	 * Returns how many meters are tracked.
	 * @return the table size
	 */
	public synchronized int size() {
		return this.tracks.size();
	}

	/**
	 * Returns how many meters are past their revisit interval or the floor line now.
	 * @param now the time
	 * @return the depth of the due queue
	 */
	public synchronized int dueCount(Instant now) {
		int due = 0;
		for (MeterTrack track : this.tracks.values()) {
			if (isDue(track, now)) {
				due++;
			}
		}
		return due;
	}

	private static final Comparator<MeterTrack> OLDEST_FIRST = Comparator.comparing((MeterTrack t) -> t.lastPolledAt,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	private static boolean closerToEmpty(Duration ttz, Duration otherTtz, MeterTrack track, MeterTrack other) {
		if (ttz == null || otherTtz == null) {
			return ttz != null || (otherTtz == null && OLDEST_FIRST.compare(track, other) < 0);
		}
		int byTtz = ttz.compareTo(otherTtz);
		return (byTtz != 0) ? byTtz < 0 : OLDEST_FIRST.compare(track, other) < 0;
	}

}
