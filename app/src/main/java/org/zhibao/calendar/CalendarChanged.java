package org.zhibao.calendar;

import java.time.LocalDate;

/**
 * An administrator added, changed or removed the override for {@code day}: deadlines running over it may
 * have moved.
 */
public record CalendarChanged(LocalDate day) {
}
