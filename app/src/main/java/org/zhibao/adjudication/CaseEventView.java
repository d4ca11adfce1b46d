package org.zhibao.adjudication;

import java.time.Instant;

/** One step in a case's own record: when, who, what (message code {@code adjudication.event.<kind>}), details. */
public record CaseEventView(Instant at, String actor, String kind, String detail) {

    public String messageCode() {
        return "adjudication.event." + kind;
    }

    /** When, on the clock of China. */
    public java.time.LocalDateTime localTime() {
        return java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.of("Asia/Shanghai"));
    }
}
