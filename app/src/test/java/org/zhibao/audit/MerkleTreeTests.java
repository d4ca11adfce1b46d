package org.zhibao.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();

    // LeafInputs() and RootHashes() of transparency-dev/merkle, testonly/constants.go
    static final String[] LEAF_INPUTS = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f" };
    static final String[] ROOT_HASHES = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

    // inclusionProofs of transparency-dev/merkle, proof/verify_test.go: {leaf (1-based), size, proof}
    record InclusionVector(int leaf, int size, String... proof) {
    }

    static final List<InclusionVector> INCLUSION_PROOFS = List.of(
            new InclusionVector(1, 1),
            new InclusionVector(1, 8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            new InclusionVector(6, 8,
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            new InclusionVector(3, 3,
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            new InclusionVector(2, 5,
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

    // consistencyProofs of transparency-dev/merkle, proof/verify_test.go: {size1, size2, proof}
    record ConsistencyVector(int size1, int size2, String... proof) {
    }

    static final List<ConsistencyVector> CONSISTENCY_PROOFS = List.of(
            new ConsistencyVector(1, 1),
            new ConsistencyVector(1, 8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            new ConsistencyVector(6, 8,
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            new ConsistencyVector(2, 5,
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            new ConsistencyVector(6, 7,
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));

    static List<byte[]> leafHashes(int n) {
        return IntStream.range(0, n).mapToObj(i -> MerkleTree.leafHash(HEX.parseHex(LEAF_INPUTS[i]))).toList();
    }

    static byte[] root(int size) {
        return HEX.parseHex(ROOT_HASHES[size]);
    }

    static List<byte[]> hashes(String... hex) {
        return java.util.Arrays.stream(hex).map(HEX::parseHex).toList();
    }

    @Test
    void reproducesThePublishedRootsForTreesOfZeroToEightLeaves() {
        for (int size = 0; size <= 8; size++) {
            assertThat(MerkleTree.hex(MerkleTree.root(leafHashes(size)))).as("size %d", size)
                    .isEqualTo(ROOT_HASHES[size]);
        }
    }

    @Test
    void appendingLeafByLeafReachesTheSameRootsAsHashingTheWholeList() {
        MerkleTree.Appender appender = MerkleTree.Appender.empty();
        assertThat(MerkleTree.hex(appender.root())).isEqualTo(ROOT_HASHES[0]);
        for (int size = 1; size <= 8; size++) {
            appender.append(leafHashes(size).get(size - 1));
            assertThat(MerkleTree.hex(appender.root())).as("size %d", size).isEqualTo(ROOT_HASHES[size]);
            // and survives being saved and restored, as it is between two appends in the database
            appender = MerkleTree.Appender.restore(appender.size(), appender.state());
        }
    }

    @Test
    void appenderKeepsOnlyOneHashPerBinaryDigitOfTheSize() {
        MerkleTree.Appender appender = MerkleTree.Appender.empty();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] leaf = MerkleTree.leafHash(new byte[] { (byte) i, (byte) (i >> 8) });
            leaves.add(leaf);
            appender.append(leaf);
            assertThat(appender.state()).hasSize(Long.bitCount(i + 1) * MerkleTree.HASH_SIZE);
        }
        assertThat(appender.root()).isEqualTo(MerkleTree.root(leaves));
    }

    @Test
    void generatesThePublishedInclusionProofsAndVerifiesThem() {
        for (InclusionVector vector : INCLUSION_PROOFS) {
            List<byte[]> leaves = leafHashes(vector.size());
            List<byte[]> expected = hashes(vector.proof());
            List<byte[]> proof = MerkleTree.inclusionProof(vector.leaf() - 1, leaves);
            assertThat(proof).as("%s", vector).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(expected);
            assertThat(MerkleTree.verifyInclusion(vector.leaf() - 1, vector.size(), leaves.get(vector.leaf() - 1),
                    expected, root(vector.size()))).as("%s", vector).isTrue();
        }
    }

    @Test
    void refusesCorruptedInclusionProofs() {
        InclusionVector vector = INCLUSION_PROOFS.get(2);
        List<byte[]> leaves = leafHashes(vector.size());
        List<byte[]> proof = hashes(vector.proof());
        long index = vector.leaf() - 1;
        byte[] leaf = leaves.get((int) index);
        byte[] root = root(vector.size());

        assertThat(MerkleTree.verifyInclusion(index - 1, 8, leaf, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index + 1, 8, leaf, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, 16, leaf, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, 4, leaf, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, 8, leaves.get(0), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, 8, leaf, proof, root(7))).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, 8, leaf, proof.subList(0, 2), root)).isFalse();
        List<byte[]> trailing = new ArrayList<>(proof);
        trailing.add(root);
        assertThat(MerkleTree.verifyInclusion(index, 8, leaf, trailing, root)).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] element = flipped.get(i).clone();
            element[0] ^= 8;
            flipped.set(i, element);
            assertThat(MerkleTree.verifyInclusion(index, 8, leaf, flipped, root)).as("flipped %d", i).isFalse();
        }
    }

    @Test
    void generatesThePublishedConsistencyProofsAndVerifiesThem() {
        for (ConsistencyVector vector : CONSISTENCY_PROOFS) {
            List<byte[]> expected = hashes(vector.proof());
            List<byte[]> proof = MerkleTree.consistencyProof(vector.size1(), leafHashes(vector.size2()));
            assertThat(proof).as("%s", vector).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(expected);
            assertThat(MerkleTree.verifyConsistency(vector.size1(), vector.size2(), expected, root(vector.size1()),
                    root(vector.size2()))).as("%s", vector).isTrue();
        }
    }

    @Test
    void refusesCorruptedConsistencyProofs() {
        ConsistencyVector vector = CONSISTENCY_PROOFS.get(2);
        List<byte[]> proof = hashes(vector.proof());
        byte[] root1 = root(6);
        byte[] root2 = root(8);

        assertThat(MerkleTree.verifyConsistency(5, 8, proof, root1, root2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(7, 8, proof, root1, root2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 16, proof, root1, root2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 4, proof, root1, root2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, proof, root2, root1)).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, List.of(), root1, root2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, proof.subList(0, 2), root1, root2)).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] element = flipped.get(i).clone();
            element[0] ^= 16;
            flipped.set(i, element);
            assertThat(MerkleTree.verifyConsistency(6, 8, flipped, root1, root2)).as("flipped %d", i).isFalse();
        }
    }

    @Test
    void everyProofOfEveryTreeUpToSeventeenLeavesVerifies() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] { (byte) i }));
        }
        for (int size = 1; size <= leaves.size(); size++) {
            List<byte[]> tree = leaves.subList(0, size);
            byte[] root = MerkleTree.root(tree);
            for (int m = 0; m < size; m++) {
                assertThat(MerkleTree.verifyInclusion(m, size, tree.get(m), MerkleTree.inclusionProof(m, tree), root))
                        .as("leaf %d of %d", m, size).isTrue();
            }
            for (int m = 0; m <= size; m++) {
                byte[] older = MerkleTree.root(tree.subList(0, m));
                assertThat(MerkleTree.verifyConsistency(m, size, MerkleTree.consistencyProof(m, tree), older, root))
                        .as("%d against %d", m, size).isTrue();
            }
        }
    }
}
