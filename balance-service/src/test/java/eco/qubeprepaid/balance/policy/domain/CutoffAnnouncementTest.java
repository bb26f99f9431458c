package eco.qubeprepaid.balance.policy.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;

import eco.qubeprepaid.balance.policy.domain.Decision.Announcement;
import eco.qubeprepaid.balance.policy.domain.Decision.DeferralReason;
import org.junit.jupiter.api.Test;

import static eco.qubeprepaid.balance.policy.domain.FriendlyWindowsTest.ist;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cut-off held back by a friendly window is announced once per episode and time,
 * although the decision is taken again on every snapshot.
 */
class CutoffAnnouncementTest {

	private static final String PREMISE = "Building-A.Floor-1.Room-102";

	private static final Duration STALENESS = Duration.ofMinutes(15);

	/** Sunday noon IST: friendly all day; the window ends on Monday at 10:00. */
	private static final Instant SUNDAY_NOON = ist("2025-09-07T12:00:00");

	private static final Instant MONDAY_TEN = ist("2025-09-08T10:00:00");

	private final PremisePolicy standard = PremisePolicy.standard();

	private static CutoffPolicy at(Instant serviceTime) {
		return new CutoffPolicy(STALENESS, Clock.fixed(serviceTime, ZoneOffset.UTC));
	}

	private static Observation online(Instant at) {
		return new Observation(at, true, true, 0L);
	}

	private PolicyState toppedUp(long paise) {
		return at(SUNDAY_NOON).onCredit(PREMISE, this.standard, PolicyState.INITIAL, paise, paise, SUNDAY_NOON).next();
	}

	private Decision snapshot(PremisePolicy policy, PolicyState state, Instant at, long balance) {
		return at(at).onSnapshot(PREMISE, policy, state, online(at), balance);
	}

	@Test
	void theFirstDeferralOfAnEpisodeIsAnnouncedAndTheNextSnapshotsInTheWindowAreNot() {
		PolicyState before = toppedUp(1_000);
		Decision first = snapshot(this.standard, before, SUNDAY_NOON, -10);

		assertThat(first.deferral()).hasValueSatisfying((d) -> assertThat(d.reason()).isEqualTo(DeferralReason.WINDOW));
		assertThat(first.announce(before)).contains(new Announcement(1, MONDAY_TEN, null));
		assertThat(first.next().cutoffAnnouncedFor()).isEqualTo(MONDAY_TEN);

		Decision second = snapshot(this.standard, first.next(), SUNDAY_NOON.plusSeconds(600), -20);
		assertThat(second.deferral()).hasValueSatisfying((d) -> assertThat(d.until()).isEqualTo(MONDAY_TEN));
		assertThat(second.announce(first.next())).isEmpty();

		// An offline reading unschedules the cut-off; the next online one in the same
		// window schedules it for the same time, which was told already.
		Instant offlineAt = SUNDAY_NOON.plusSeconds(1_200);
		Decision offline = at(offlineAt).onSnapshot(PREMISE, this.standard, second.next(),
				new Observation(offlineAt, false, true, 0L), -20);
		assertThat(offline.deferral())
			.hasValueSatisfying((d) -> assertThat(d.reason()).isEqualTo(DeferralReason.OFFLINE));
		assertThat(offline.next().scheduledCutoffAt()).isNull();
		assertThat(offline.announce(second.next())).isEmpty();
		Decision backOnline = snapshot(this.standard, offline.next(), SUNDAY_NOON.plusSeconds(1_800), -25);
		assertThat(backOnline.next().scheduledCutoffAt()).isEqualTo(MONDAY_TEN);
		assertThat(backOnline.announce(offline.next())).isEmpty();
	}

	@Test
	void aNewEpisodeIsAnnouncedAgain() {
		Decision first = snapshot(this.standard, toppedUp(1_000), SUNDAY_NOON, -10);
		PolicyState paid = at(SUNDAY_NOON.plusSeconds(300))
			.onCredit(PREMISE, this.standard, first.next(), 500, 490, SUNDAY_NOON.plusSeconds(300))
			.next();
		assertThat(paid.phase()).isEqualTo(RelayPhase.CLEAR);

		Decision again = snapshot(this.standard, paid, SUNDAY_NOON.plusSeconds(600), -5);

		assertThat(again.next().episode()).isEqualTo(2);
		assertThat(again.announce(paid)).contains(new Announcement(2, MONDAY_TEN, null));
	}

	@Test
	void aTimeThatMovesIsAnnouncedAgainUnderAnotherId() {
		Decision first = snapshot(this.standard, toppedUp(1_000), SUNDAY_NOON, -10);
		PremisePolicy later = this.standard.withWindows(
				new FriendlyWindows(LocalTime.of(18, 0), LocalTime.of(11, 0), Set.of(DayOfWeek.SUNDAY), Set.of()));
		Instant mondayEleven = ist("2025-09-08T11:00:00");

		Decision moved = snapshot(later, first.next(), SUNDAY_NOON.plusSeconds(600), -20);
		assertThat(moved.announce(first.next())).contains(new Announcement(1, mondayEleven, MONDAY_TEN));
		Decision back = snapshot(this.standard, moved.next(), SUNDAY_NOON.plusSeconds(1_200), -20);
		assertThat(back.announce(moved.next())).contains(new Announcement(1, MONDAY_TEN, mondayEleven));

		assertThat(CutoffPolicy.announcementId(PREMISE, 1, MONDAY_TEN, null))
			.isEqualTo(CutoffPolicy.announcementId(PREMISE, 1, MONDAY_TEN, null))
			.isNotEqualTo(CutoffPolicy.announcementId(PREMISE, 1, MONDAY_TEN, mondayEleven))
			.isNotEqualTo(CutoffPolicy.announcementId(PREMISE, 2, MONDAY_TEN, null));
	}

	@Test
	void onlyAWindowIsAnnounced() {
		Instant weekday = ist("2025-09-08T11:00:00");
		PolicyState before = toppedUp(1_000);
		Decision cut = snapshot(this.standard, before, weekday, -10);
		assertThat(cut.relay()).isPresent();
		assertThat(cut.announce(before)).isEmpty();
	}

}
