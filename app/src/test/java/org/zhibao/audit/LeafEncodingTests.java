package org.zhibao.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class LeafEncodingTests {

    static final Instant AT = Instant.parse("2025-03-01T08:00:00.123456Z");
    static final AuditRecord RECORD = new AuditRecord("wang", 7L, "330000", "office.create", "/admin/offices",
            "ok", "10.0.0.1", Map.of("reason", "new office"));

    @Test
    void encodingChangesWhenAnyFieldChanges() {
        byte[] original = LeafEncoding.encode(1, AT, RECORD);
        List<UnaryOperator<AuditRecord>> changes = List.of(
                r -> new AuditRecord("wang2", 7L, "330000", r.action(), r.object(), r.result(), r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), 8L, "330000", r.action(), r.object(), r.result(), r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), null, "330000", r.action(), r.object(), r.result(), r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), 7L, "330100", r.action(), r.object(), r.result(), r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), 7L, null, r.action(), r.object(), r.result(), r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), 7L, "330000", "office.update", r.object(), r.result(), r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), 7L, "330000", r.action(), "/admin/offices/1", r.result(), r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), 7L, "330000", r.action(), r.object(), "failed:500", r.clientAddress(), r.detail()),
                r -> new AuditRecord(r.username(), 7L, "330000", r.action(), r.object(), r.result(), "10.0.0.2", r.detail()),
                r -> new AuditRecord(r.username(), 7L, "330000", r.action(), r.object(), r.result(), r.clientAddress(), null),
                r -> new AuditRecord(r.username(), 7L, "330000", r.action(), r.object(), r.result(), r.clientAddress(),
                        Map.of("reason", "new office", "x", "")));
        List<byte[]> all = new ArrayList<>();
        all.add(original);
        all.add(LeafEncoding.encode(2, AT, RECORD));
        all.add(LeafEncoding.encode(1, AT.plusNanos(1000), RECORD));
        changes.forEach(change -> all.add(LeafEncoding.encode(1, AT, change.apply(RECORD))));

        assertThat(all.stream().map(MerkleTree::hex).distinct()).hasSize(all.size());
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeTheSameBytes() {
        AuditRecord ab = new AuditRecord("ab", null, null, "c", "", "ok", "", null);
        AuditRecord a = new AuditRecord("a", null, null, "bc", "", "ok", "", null);
        AuditRecord keyValue = new AuditRecord("u", null, null, "x", "", "ok", "", Map.of("ab", "c"));
        AuditRecord keyValueShifted = new AuditRecord("u", null, null, "x", "", "ok", "", Map.of("a", "bc"));

        assertThat(LeafEncoding.encode(1, AT, ab)).isNotEqualTo(LeafEncoding.encode(1, AT, a));
        assertThat(LeafEncoding.encode(1, AT, keyValue)).isNotEqualTo(LeafEncoding.encode(1, AT, keyValueShifted));
    }

    @Test
    void encodingIgnoresTheOrderOfDetailKeysAndTimeBelowAMicrosecond() {
        java.util.LinkedHashMap<String, String> ba = new java.util.LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        java.util.LinkedHashMap<String, String> ab = new java.util.LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        AuditRecord first = new AuditRecord("u", null, null, "x", "", "ok", "", ba);
        AuditRecord second = new AuditRecord("u", null, null, "x", "", "ok", "", ab);

        assertThat(LeafEncoding.encode(3, AT, first)).isEqualTo(LeafEncoding.encode(3, AT.plusNanos(999), second));
    }

    @Test
    void startsWithTheVersionedDomainAndTheSequenceNumber() {
        byte[] encoded = LeafEncoding.encode(258, AT, RECORD);
        byte[] domain = LeafEncoding.DOMAIN.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(encoded[0]).isEqualTo((byte) 1);
        assertThat(java.util.Arrays.copyOfRange(encoded, 5, 5 + domain.length)).isEqualTo(domain);
        assertThat(java.util.Arrays.copyOfRange(encoded, 5 + domain.length, 13 + domain.length))
                .containsExactly(0, 0, 0, 0, 0, 0, 1, 2);
    }
}
