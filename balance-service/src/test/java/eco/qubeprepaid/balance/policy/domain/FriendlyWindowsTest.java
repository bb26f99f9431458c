package eco.qubeprepaid.balance.policy.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import eco.qubeprepaid.service.time.Ist;

class FriendlyWindowsTest {

	private final FriendlyWindows windows = FriendlyWindows.standard();

	static Instant ist(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(Ist.ZONE).toInstant();
	}

	@Test
	void nightWindowRunsFromSixInTheEveningPastIstMidnightToTenInTheMorning() {
		// 2025-09-08 is a Monday.
		assertThat(this.windows.contains(ist("2025-09-08T17:59:59"))).isFalse();
		assertThat(this.windows.contains(ist("2025-09-08T18:00:00"))).isTrue();
		assertThat(this.windows.contains(ist("2025-09-08T23:59:59"))).isTrue();
		assertThat(this.windows.contains(ist("2025-09-09T00:00:00"))).isTrue();
		assertThat(this.windows.contains(ist("2025-09-09T09:59:59"))).isTrue();
		assertThat(this.windows.contains(ist("2025-09-09T10:00:00"))).isFalse();
	}

	@Test
	void judgesByIndianTimeNotUtc() {
		// 04:29:59Z is 09:59:59 IST (still night); 04:30Z is 10:00 IST.
		assertThat(this.windows.contains(Instant.parse("2025-09-09T04:29:59Z"))).isTrue();
		assertThat(this.windows.contains(Instant.parse("2025-09-09T04:30:00Z"))).isFalse();
		// 12:00Z on Saturday is 17:30 IST (open); 06:00Z on Sunday is 11:30 IST
		// (friendly).
		assertThat(this.windows.contains(Instant.parse("2025-09-06T12:00:00Z"))).isFalse();
		assertThat(this.windows.contains(Instant.parse("2025-09-07T06:00:00Z"))).isTrue();
	}

	@Test
	void sundayIsFriendlyAllDaySoASaturdayEveningWindowEndsOnMondayAtTen() {
		assertThat(this.windows.contains(ist("2025-09-07T12:00:00"))).isTrue();
		assertThat(this.windows.endOf(ist("2025-09-06T20:00:00"))).isEqualTo(ist("2025-09-08T10:00:00"));
		assertThat(this.windows.endOf(ist("2025-09-07T00:00:00"))).isEqualTo(ist("2025-09-08T10:00:00"));
	}

	@Test
	void aHolidayExtendsTheWindowOverTheWholeDate() {
		FriendlyWindows diwali = this.windows.withHolidays(Set.of(LocalDate.of(2025, 10, 21)));
		// Monday evening, Tuesday a holiday: the window runs to Wednesday 10:00.
		assertThat(diwali.contains(ist("2025-10-21T14:00:00"))).isTrue();
		assertThat(diwali.endOf(ist("2025-10-20T19:00:00"))).isEqualTo(ist("2025-10-22T10:00:00"));
		assertThat(this.windows.endOf(ist("2025-10-20T19:00:00"))).isEqualTo(ist("2025-10-21T10:00:00"));
	}

	@Test
	void anInstantOutsideEveryWindowIsItsOwnEnd() {
		assertThat(this.windows.endOf(ist("2025-09-08T11:00:00"))).isEqualTo(ist("2025-09-08T11:00:00"));
	}

	@Test
	void aWindowThatDoesNotWrapAndNoNightWindowAtAll() {
		FriendlyWindows afternoon = new FriendlyWindows(LocalTime.of(13, 0), LocalTime.of(15, 0), Set.of(), Set.of());
		assertThat(afternoon.contains(ist("2025-09-08T12:59:59"))).isFalse();
		assertThat(afternoon.contains(ist("2025-09-08T13:00:00"))).isTrue();
		assertThat(afternoon.endOf(ist("2025-09-08T14:00:00"))).isEqualTo(ist("2025-09-08T15:00:00"));
		FriendlyWindows none = new FriendlyWindows(LocalTime.NOON, LocalTime.NOON, Set.of(), Set.of());
		assertThat(none.contains(ist("2025-09-07T12:00:00"))).isFalse();
	}

	@Test
	void refusesAWeekWithoutAnyDayForCutoffs() {
		assertThatThrownBy(
				() -> new FriendlyWindows(LocalTime.NOON, LocalTime.NOON, Set.of(DayOfWeek.values()), Set.of()))
			.hasMessageContaining("at least one day");
	}

	@Test
	void theNextWindowStartsAtNightOrAtAFriendlyDaysMidnight() {
		FriendlyWindows standard = FriendlyWindows.standard();
		assertThat(standard.nextStart(ist("2025-09-08T11:00:00"))).isEqualTo(ist("2025-09-08T18:00:00"));
		FriendlyWindows noNights = new FriendlyWindows(LocalTime.of(0, 0), LocalTime.of(0, 0), Set.of(DayOfWeek.SUNDAY),
				Set.of());
		// Monday 11:00: the next window is Sunday, all day.
		assertThat(noNights.nextStart(ist("2025-09-08T11:00:00"))).isEqualTo(ist("2025-09-14T00:00:00"));
		FriendlyWindows none = new FriendlyWindows(LocalTime.of(0, 0), LocalTime.of(0, 0), Set.of(), Set.of());
		assertThat(none.nextStart(ist("2025-09-08T11:00:00"))).isNull();
	}

}
