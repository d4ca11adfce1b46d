package org.zhibao.audit;

/**
 * The outcome of recomputing the whole audit log.
 *
 * @param entries how many entries the log holds
 * @param root the Merkle root (hex) recomputed over the entries up to the first bad one, all when valid
 * @param valid whether every entry, every stored root and the latest checkpoint agree
 * @param firstBadEntry the seq of the first entry found altered, missing or inconsistent; {@code null} when valid
 * @param problem what was wrong: one of the {@code PROBLEM_*} codes, {@code null} when valid
 */
public record AuditVerification(long entries, String root, boolean valid, Long firstBadEntry, String problem) {

    /** An entry's fields no longer hash to its stored leaf hash. */
    public static final String PROBLEM_ALTERED = "altered-entry";
    /** A seq is missing: an entry was deleted from the middle. */
    public static final String PROBLEM_MISSING = "missing-entry";
    /** The recomputed root differs from the one stored with the entry. */
    public static final String PROBLEM_ROOT = "root-mismatch";
    /** The root at a checkpoint's size differs from the checkpoint's. */
    public static final String PROBLEM_CHECKPOINT = "checkpoint-mismatch";
    /** A checkpoint or the log's head counts more entries than there are: entries were cut off the end. */
    public static final String PROBLEM_TRUNCATED = "truncated";
    /** A root or checkpoint whose signature under the installation's key does not hold: history recomputed. */
    public static final String PROBLEM_SIGNATURE = "bad-signature";
}
