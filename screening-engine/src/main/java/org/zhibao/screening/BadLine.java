package org.zhibao.screening;

/**
 * An input line that was not screened, with its 1-based number and the reason; {@code kind} says which of the
 * reasons a program may present in its own words, {@code applicationNo} the application it names (or null).
 */
public record BadLine(long lineNumber, String reason, Kind kind, String applicationNo) {

    /** Why a line was not screened. */
    public enum Kind {
        /** Not a readable record of its kind (the reason is the parser's). */
        UNREADABLE,
        /** Its application number is on an earlier line of the same file: screened once, from that line. */
        REPEATED,
        /** Its application was screened before, into the index it is screened against. */
        SCREENED_BEFORE
    }

    /** An unreadable line. */
    public BadLine(long lineNumber, String reason) {
        this(lineNumber, reason, Kind.UNREADABLE, null);
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
