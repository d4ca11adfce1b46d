package org.zhibao.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a day is for counting periods, and who says so.
 *
 * @param day the day
 * @param type working day, weekend, public holiday or make-up working day
 * @param name the holiday's name for holidays and make-up working days (as the source spells it), else
 *        {@code null}
 * @param nameCode a message code that translates {@code name}, {@code null} when there is none (an
 *        administrator's own wording)
 * @param source where the answer comes from
 */
public record DayKind(LocalDate day, Type type, String name, String nameCode, Source source) {

    public enum Type {
        WORKDAY(true), WEEKEND(false), HOLIDAY(false), MAKEUP_WORKDAY(true);

        private final boolean working;

        Type(boolean working) {
            this.working = working;
        }

        public boolean isWorking() {
            return working;
        }

        public String code() {
            return "calendar.day-type." + name().toLowerCase().replace('_', '-');
        }
    }

    public enum Source {
        /** Monday to Friday work, Saturday and Sunday rest: nothing was announced for the day. */
        WEEK,
        /** The holiday library's data for the year. */
        LIBRARY,
        /** An administrator's entry in the override table. */
        OVERRIDE;

        public String code() {
            return "calendar.source." + name().toLowerCase();
        }
    }

    public DayKind {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    static DayKind ofWeek(LocalDate day) {
        return new DayKind(day, isWeekend(day) ? Type.WEEKEND : Type.WORKDAY, null, null, Source.WEEK);
    }

    static boolean isWeekend(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> true;
            default -> false;
        };
    }

    public boolean isWorking() {
        return type.isWorking();
    }

    /** A holiday or a make-up working day, or anything an override says: what a year's table lists. */
    public boolean isSpecial() {
        return source != Source.WEEK;
    }
}
