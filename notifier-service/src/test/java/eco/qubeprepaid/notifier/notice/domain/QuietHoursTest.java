package eco.qubeprepaid.notifier.notice.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

import eco.qubeprepaid.service.time.Ist;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

	private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

	@Test
	void holdsALateEveningNoticeUntilEightNextMorningIst() {
		assertThat(this.night.holdUntil(ist("2026-12-07T22:30"))).contains(ist("2026-12-08T08:00"));
	}

	@Test
	void holdsAnEarlyMorningNoticeUntilEightTheSameMorning() {
		assertThat(this.night.holdUntil(ist("2026-12-08T03:15"))).contains(ist("2026-12-08T08:00"));
	}

	@Test
	void letsADaytimeNoticeGoAtOnceAndTheWindowEndsAtItsEnd() {
		assertThat(this.night.holdUntil(ist("2026-12-07T13:00"))).isEmpty();
		assertThat(this.night.holdUntil(ist("2026-12-08T08:00"))).isEmpty();
		assertThat(this.night.holdUntil(ist("2026-12-07T21:00"))).contains(ist("2026-12-08T08:00"));
	}

	@Test
	void aWindowWithinOneDayHoldsOnlyInsideIt() {
		QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
		assertThat(lunch.holdUntil(ist("2026-12-07T13:30"))).contains(ist("2026-12-07T14:00"));
		assertThat(lunch.holdUntil(ist("2026-12-07T12:59"))).isEmpty();
		assertThat(lunch.holdUntil(ist("2026-12-07T14:00"))).isEmpty();
	}

	@Test
	void equalStartAndEndMeansNoQuietHours() {
		assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).holdUntil(ist("2026-12-07T12:00"))).isEmpty();
	}

	private static Instant ist(String local) {
		return LocalDateTime.parse(local).atZone(Ist.ZONE).toInstant();
	}

}
