package org.zhibao.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An administrator's word on one day, which wins over the holiday library: entered when the State Council
 * announces a new year's arrangement (or corrects one) before the library has it.
 *
 * @param day the day
 * @param kind a day off or a make-up working day
 * @param name the holiday's name, e.g. the festival the day belongs to
 * @param basis the announcement it rests on (its document number)
 * @param changedBy who entered it
 * @param changedAt when
 */
public record CalendarOverride(LocalDate day, Kind kind, String name, String basis, String changedBy,
        Instant changedAt) {

    public enum Kind {
        HOLIDAY, WORKDAY;

        public String code() {
            return "calendar.override.kind." + name().toLowerCase();
        }
    }

    public CalendarOverride {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
    }

    DayKind toDayKind() {
        DayKind.Type type = switch (kind) {
            case HOLIDAY -> DayKind.Type.HOLIDAY;
            // a working day on a weekend is a make-up day; on a weekday it cancels a day off
            case WORKDAY -> DayKind.isWeekend(day) ? DayKind.Type.MAKEUP_WORKDAY : DayKind.Type.WORKDAY;
        };
        return new DayKind(day, type, name, null, DayKind.Source.OVERRIDE);
    }
}
