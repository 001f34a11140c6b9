package io.smsgw.router.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a route applies: days of the week and a time of day range in a zone. A range whose end is
 * before its start spans midnight (22:00–06:00); the day is the one the range starts on.
 *
 * @param days the days it applies on (empty = every day)
 * @param start start of the range, inclusive ({@code null} = start of day)
 * @param end end of the range, exclusive ({@code null} = end of day)
 * @param zone the zone the days and times are read in
 */
public record TimeWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

	public TimeWindow {
		days = (days == null || days.isEmpty()) ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
		if (zone == null) {
			throw new IllegalArgumentException("zone is required");
		}
	}

	/** Whether the instant falls into the window. */
	public boolean contains(Instant at) {
		ZonedDateTime local = at.atZone(this.zone);
		LocalTime time = local.toLocalTime();
		LocalTime from = (this.start != null) ? this.start : LocalTime.MIN;
		boolean toEndOfDay = this.end == null;
		if (toEndOfDay || !this.end.isBefore(from)) {
			boolean inTime = !time.isBefore(from) && (toEndOfDay || time.isBefore(this.end));
			return inTime && onDay(local.getDayOfWeek());
		}
		// spans midnight: the evening part on a listed day, the morning part on the day after one
		if (!time.isBefore(from)) {
			return onDay(local.getDayOfWeek());
		}
		return time.isBefore(this.end) && onDay(local.getDayOfWeek().minus(1));
	}

	private boolean onDay(DayOfWeek day) {
		return this.days.isEmpty() || this.days.contains(day);
	}

}
