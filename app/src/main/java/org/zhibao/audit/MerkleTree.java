package org.zhibao.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle Tree Hash of RFC 6962 §2.1 with SHA-256, and its audit paths (§2.1.1) and consistency proofs
 * (§2.1.2). Proofs are generated from the full list of leaf hashes (the log is small enough to read when
 * someone asks for a proof) and verified with the iterative algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.
 * Plain Java on purpose: an outside verifier can reuse it without the application.
 */
final class MerkleTree {

    static final int HASH_SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /** MTH({}) = SHA-256(""). */
    static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH({d}) = SHA-256(0x00 || d). */
    static byte[] leafHash(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root over leaf hashes (not leaf data): MTH(D[n]). */
    static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2): where RFC 6962 splits a tree. */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** PATH(m, D[n]): the audit path of the leaf at 0-based index {@code m}, bottom first. */
    static List<byte[]> inclusionProof(int m, List<byte[]> leafHashes) {
        if (m < 0 || m >= leafHashes.size()) {
            throw new IllegalArgumentException("No leaf " + m + " in a tree of " + leafHashes.size());
        }
        List<byte[]> proof = new ArrayList<>();
        path(m, leafHashes, 0, leafHashes.size(), proof);
        return proof;
    }

    private static void path(int m, List<byte[]> leaves, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, leaves, from, from + k, proof);
            proof.add(subtreeRoot(leaves, from + k, to));
        }
        else {
            path(m - k, leaves, from + k, to, proof);
            proof.add(subtreeRoot(leaves, from, from + k));
        }
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true): shows the first {@code m} leaves are the older tree. */
    static List<byte[]> consistencyProof(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("Cannot prove " + m + " against a tree of " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, leafHashes, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(int m, List<byte[]> leaves, int from, int to, boolean complete, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(subtreeRoot(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, leaves, from, from + k, complete, proof);
            proof.add(subtreeRoot(leaves, from + k, to));
        }
        else {
            subproof(m - k, leaves, from + k, to, false, proof);
            proof.add(subtreeRoot(leaves, from, from + k));
        }
    }

    /** Whether {@code proof} shows the leaf at {@code index} with hash {@code leafHash} in the tree {@code root} of {@code size}. */
    static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || !isHash(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** Whether {@code proof} shows the tree {@code root1} of {@code size1} is a prefix of the tree {@code root2} of {@code size2}. */
    static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (size1 == 0) {
            // every tree extends the empty one
            return proof.isEmpty();
        }
        if (proof.isEmpty() || !isHash(root1) || !isHash(root2)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        if (!isHash(path.get(0))) {
            return false;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0 || !isHash(c)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean isHash(byte[] bytes) {
        return bytes != null && bytes.length == HASH_SIZE;
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The compact range [0, n): the roots of the perfect subtrees that n's binary digits describe, largest
     * first. O(log n) hashes are enough to append leaf n and compute the new root without rereading the log.
     */
    static final class Appender {

        private final List<byte[]> peaks;
        private long size;

        private Appender(long size, List<byte[]> peaks) {
            if (peaks.size() != Long.bitCount(size) || peaks.stream().anyMatch(p -> !isHash(p))) {
                throw new IllegalArgumentException("A compact range of " + size + " leaves has "
                        + Long.bitCount(size) + " hashes, not " + peaks.size());
            }
            this.size = size;
            this.peaks = new ArrayList<>(peaks);
        }

        static Appender empty() {
            return new Appender(0, List.of());
        }

        /** Restores the state saved by {@link #state()} for a tree of {@code size} leaves. */
        static Appender restore(long size, byte[] state) {
            if (state.length % HASH_SIZE != 0) {
                throw new IllegalArgumentException("A compact range is a whole number of hashes");
            }
            List<byte[]> peaks = new ArrayList<>();
            for (int i = 0; i < state.length; i += HASH_SIZE) {
                peaks.add(Arrays.copyOfRange(state, i, i + HASH_SIZE));
            }
            return new Appender(size, peaks);
        }

        void append(byte[] leafHash) {
            byte[] carry = leafHash;
            // merge equal-sized subtrees like a binary counter's carries
            for (long s = size; (s & 1) == 1; s >>= 1) {
                carry = nodeHash(peaks.remove(peaks.size() - 1), carry);
            }
            peaks.add(carry);
            size++;
        }

        long size() {
            return size;
        }

        byte[] root() {
            if (peaks.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = peaks.get(peaks.size() - 1);
            for (int i = peaks.size() - 2; i >= 0; i--) {
                root = nodeHash(peaks.get(i), root);
            }
            return root;
        }

        /** The peaks concatenated, largest first. */
        byte[] state() {
            byte[] state = new byte[peaks.size() * HASH_SIZE];
            for (int i = 0; i < peaks.size(); i++) {
                System.arraycopy(peaks.get(i), 0, state, i * HASH_SIZE, HASH_SIZE);
            }
            return state;
        }
    }
}
