package org.zhibao.audit;

import java.security.MessageDigest;

/**
 * Walks the log in seq order, one entry at a time, and remembers the first thing wrong. It keeps only the
 * compact range, so the log can be streamed however long it is.
 */
final class LogVerifier {

    private final Checkpoint checkpoint;
    private final long headSize;
    private final MerkleTree.Appender tree = MerkleTree.Appender.empty();
    private long entries;
    private Long firstBad;
    private String problem;

    private final RootSignatures signatures;

    /** A checkpoint, and whether its signature under the installation's key holds. */
    record Checkpoint(long treeSize, byte[] root, boolean signatureValid) {
    }

    /** Checks a stored root's signature. */
    interface RootSignatures {
        boolean valid(long treeSize, byte[] root, String signature);
    }

    /**
     * @param checkpoint the latest checkpoint, {@code null} if none yet
     * @param headSize the size the log's head claims
     * @param signatures checks each entry's root signature
     */
    LogVerifier(Checkpoint checkpoint, long headSize, RootSignatures signatures) {
        this.checkpoint = checkpoint;
        this.headSize = headSize;
        this.signatures = signatures;
        if (checkpoint != null && !checkpoint.signatureValid()) {
            // a checkpoint nobody with the key wrote: forged, whatever the entries say
            fail(checkpoint.treeSize(), AuditVerification.PROBLEM_SIGNATURE);
        }
    }

    void accept(AuditEntry entry, byte[] storedLeafHash, byte[] storedRoot, String rootSignature) {
        entries++;
        if (problem != null) {
            return;
        }
        long expected = tree.size() + 1;
        if (entry.seq() != expected) {
            fail(expected, AuditVerification.PROBLEM_MISSING);
            return;
        }
        byte[] leaf = LeafEncoding.leafHash(entry.seq(), entry.recordedAt(), entry.record());
        if (!MessageDigest.isEqual(leaf, storedLeafHash)) {
            fail(entry.seq(), AuditVerification.PROBLEM_ALTERED);
            return;
        }
        tree.append(leaf);
        byte[] root = tree.root();
        if (!MessageDigest.isEqual(root, storedRoot)) {
            fail(entry.seq(), AuditVerification.PROBLEM_ROOT);
        }
        else if (!signatures.valid(entry.seq(), root, rootSignature)) {
            fail(entry.seq(), AuditVerification.PROBLEM_SIGNATURE);
        }
        else if (checkpoint != null && checkpoint.treeSize() == entry.seq()
                && (!MessageDigest.isEqual(root, checkpoint.root()) || !checkpoint.signatureValid())) {
            fail(entry.seq(), checkpoint.signatureValid() ? AuditVerification.PROBLEM_CHECKPOINT
                    : AuditVerification.PROBLEM_SIGNATURE);
        }
    }

    AuditVerification result() {
        if (problem == null) {
            long claimed = Math.max(headSize, checkpoint == null ? 0 : checkpoint.treeSize());
            if (claimed > tree.size()) {
                fail(tree.size() + 1, AuditVerification.PROBLEM_TRUNCATED);
            }
        }
        return new AuditVerification(entries, MerkleTree.hex(tree.root()), problem == null, firstBad, problem);
    }

    private void fail(long seq, String what) {
        firstBad = seq;
        problem = what;
    }
}
