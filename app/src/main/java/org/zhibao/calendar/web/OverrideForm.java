package org.zhibao.calendar.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.zhibao.calendar.CalendarOverride;

/** The administrator's form for one override. */
class OverrideForm {

    @NotNull(message = "{calendar.override.day.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate day;

    @NotNull(message = "{calendar.override.kind.required}")
    private CalendarOverride.Kind kind;

    @NotBlank(message = "{calendar.override.name.required}")
    @Size(max = 50, message = "{calendar.override.name.too-long}")
    private String name;

    @NotBlank(message = "{calendar.override.basis.required}")
    @Size(max = 200, message = "{calendar.override.basis.too-long}")
    private String basis;

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public CalendarOverride.Kind getKind() {
        return kind;
    }

    public void setKind(CalendarOverride.Kind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis == null ? null : basis.strip();
    }
}
