package org.zhibao.calendar.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.zhibao.calendar.Deadline;

/** The deadline calculator's question. */
class DeadlineForm {

    static final int MAX_DAYS = 3650;

    @NotNull(message = "{calendar.deadline.start.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate start;

    @NotNull(message = "{calendar.deadline.days.required}")
    @Min(value = 0, message = "{calendar.deadline.days.range}")
    @Max(value = MAX_DAYS, message = "{calendar.deadline.days.range}")
    private Integer days;

    @NotNull(message = "{calendar.deadline.kind.required}")
    private Deadline.Kind kind = Deadline.Kind.WORKING;

    public LocalDate getStart() {
        return start;
    }

    public void setStart(LocalDate start) {
        this.start = start;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public Deadline.Kind getKind() {
        return kind;
    }

    public void setKind(Deadline.Kind kind) {
        this.kind = kind;
    }
}
