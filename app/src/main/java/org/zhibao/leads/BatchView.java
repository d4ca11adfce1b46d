package org.zhibao.leads;

import java.time.Instant;
import java.util.List;

/**
 * A screening batch as pages show it.
 *
 * @param stage the engine's stage while running (read, candidates, decide …), {@code null} otherwise
 * @param recordsDone records done in that stage
 * @param badLines the first lines the engine could not read, with their numbers and reasons
 * @param badLineCount how many lines it could not read in all
 */
public record BatchView(long id, BatchKind kind, String origin, String fileName, long lines, long officeId,
        String officeRegion, String createdByName, Instant createdAt, BatchStatus status, String phase, String stage,
        long recordsDone, boolean cancelRequested, int attempts, String failure, List<BadLineView> badLines,
        int badLineCount, int findings, int leads, Instant startedAt, Instant finishedAt) {

    public BatchView {
        badLines = List.copyOf(badLines);
    }

    /**
     * A line not screened: its number, the engine's reason (English, for the log), which kind of reason (the
     * engine's {@code BadLine.Kind}: the page says it in the user's language), the application it names (REPEATED
     * in the file, SCREENED_BEFORE in an earlier batch) and the field at fault (MISSING, NOT_A_DATE...), or null.
     */
    public record BadLineView(long line, String reason, String kind, String applicationNo, String field) {

        /** The message code of the kind: {@code leads.batch.line.KIND}, with {@link #argument()} as its {0}. */
        public String messageCode() {
            return "leads.batch.line." + kind;
        }

        /** What the message names: the application, or the field at fault, or (unreadable otherwise) the parser's reason. */
        public String argument() {
            return applicationNo != null ? applicationNo : field != null ? field : "UNREADABLE".equals(kind) ? reason : "";
        }
    }

    /** How far the batch is, 0-100, for the progress bar: reading is most of the work, making leads the end. */
    public int percent() {
        if (status == BatchStatus.DONE) {
            return 100;
        }
        if ("LEADS".equals(phase)) {
            return 92 + (findings == 0 ? 8 : (int) (8L * leads / findings));
        }
        if (stage == null) {
            return 0;
        }
        double share = lines == 0 ? 0 : Math.min(1.0, (double) recordsDone / lines);
        if (stage.startsWith("rest of partial copies")) {
            return 88;
        }
        return switch (stage) {
            case "index earlier batches", "load index" -> 2;
            case "index known marks" -> 5;
            case "read", "read filings" -> (int) (70 * share);
            case "weigh" -> 72;
            case "minhash bands", "minhash pairs" -> 75;
            case "candidates" -> 75 + (int) (10 * share);
            case "candidates among the index" -> 86;
            case "decide" -> 90;
            default -> 91;
        };
    }

    /** The message code of the stage, for the line under the progress bar. */
    public String stageCode() {
        if (status == BatchStatus.DONE) {
            return "leads.stage.done";
        }
        if (status == BatchStatus.CANCELLED || status == BatchStatus.FAILED) {
            return "leads.stage.stopped";
        }
        if ("LEADS".equals(phase)) {
            return "leads.stage.leads";
        }
        if (stage == null) {
            return "leads.stage.waiting";
        }
        if (stage.startsWith("rest of partial copies")) {
            return "leads.stage.compare";
        }
        return switch (stage) {
            case "index earlier batches" -> "leads.stage.earlier";
            case "load index" -> "leads.stage.index";
            case "index known marks" -> "leads.stage.known";
            case "read", "read filings" -> "leads.stage.read";
            case "weigh", "candidates", "minhash bands", "minhash pairs", "candidates among the index" ->
                "leads.stage.compare";
            case "decide" -> "leads.stage.decide";
            case "update index" -> "leads.stage.update-index";
            default -> "leads.stage.save";
        };
    }
}
