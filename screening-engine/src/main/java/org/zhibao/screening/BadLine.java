package org.zhibao.screening;

/**
 * An input line that was not screened, with its 1-based number and the reason (in English, for the command
 * line); {@code kind} says which of the reasons a program may present in its own words, {@code applicationNo} the
 * application it names (REPEATED, SCREENED_BEFORE; else null) and {@code field} the field at fault (MISSING and
 * the wrong-value kinds; else null).
 */
public record BadLine(long lineNumber, String reason, Kind kind, String applicationNo, String field) {

    /** Why a line was not screened. */
    public enum Kind {
        /** Not a readable record for another reason (the reason is the parser's). */
        UNREADABLE,
        /** Not a JSON object. */
        NOT_JSON,
        /** Not UTF-8 text: bytes of another encoding (a file saved as GBK), which no decoder can read as written. */
        NOT_UTF8,
        /** A required field is missing or blank. */
        MISSING,
        /** A field that holds text holds an object or a list. */
        NOT_TEXT,
        /** A date field is not a date (yyyy-mm-dd). */
        NOT_A_DATE,
        /** A list field is neither a list nor (where one is allowed) a single text. */
        NOT_A_LIST,
        /** A list of integers holds something else. */
        NOT_AN_INTEGER,
        /** An entry of {@code applicants} is neither an object nor a name. */
        NOT_AN_APPLICANT,
        /** A line of the known-mark file a trademark batch is screened against (its number is that file's). */
        KNOWN_MARKS,
        /** Its application number is on an earlier line of the same file: screened once, from that line. */
        REPEATED,
        /** Its application was screened before, into the index it is screened against. */
        SCREENED_BEFORE
    }

    /** A line not screened for a reason that names an application (or none). */
    public BadLine(long lineNumber, String reason, Kind kind, String applicationNo) {
        this(lineNumber, reason, kind, applicationNo, null);
    }

    /** An unreadable line. */
    public BadLine(long lineNumber, String reason) {
        this(lineNumber, reason, Kind.UNREADABLE, null, null);
    }

    /** A line the parser turned away: a {@link Jsonl.BadRecord} says why and which field, anything else is UNREADABLE. */
    public static BadLine unreadable(long lineNumber, RuntimeException e) {
        if (e instanceof Jsonl.BadRecord bad) {
            return new BadLine(lineNumber, bad.getMessage(), bad.kind(), null, bad.field());
        }
        return new BadLine(lineNumber, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
