package org.zhibao.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The leaf data d of an entry, hashed as SHA-256(0x00 || d). Version 1, all integers big-endian:
 *
 * <pre>
 * d        = text("zhibao-audit-entry/1")           domain separation and version
 *            u64(seq)
 *            i64(recorded_at in microseconds since 1970-01-01T00:00:00Z)
 *            text(username) long(office_id) text(office_region)
 *            text(action) text(object) text(result) text(client_address)
 *            map(detail)
 * text(s)  = 0x00                                     when s is null
 *          | 0x01 u32(byte length of UTF-8(s)) UTF-8(s)
 * long(v)  = 0x00 | 0x01 i64(v)
 * map(m)   = 0x00                                     when m is null or empty
 *          | 0x01 u32(entry count) (text(key) text(value))*   keys in ascending {@link String#compareTo} order
 * </pre>
 *
 * Every field is tagged or length-prefixed and the order is fixed, so the encoding is injective: two
 * entries that differ in any field never produce the same bytes.
 */
final class LeafEncoding {

    static final String DOMAIN = "zhibao-audit-entry/1";

    private LeafEncoding() {
    }

    static byte[] encode(long seq, Instant recordedAt, AuditRecord record) {
        Writer out = new Writer();
        out.text(DOMAIN);
        out.int64(seq);
        out.int64(epochMicros(recordedAt));
        out.text(record.username());
        out.nullableLong(record.officeId());
        out.text(record.officeRegion());
        out.text(record.action());
        out.text(record.object());
        out.text(record.result());
        out.text(record.clientAddress());
        out.map(record.detail());
        return out.bytes();
    }

    static byte[] leafHash(long seq, Instant recordedAt, AuditRecord record) {
        return MerkleTree.leafHash(encode(seq, recordedAt, record));
    }

    /** PostgreSQL keeps microseconds: anything finer would be lost and the hash would not be reproducible. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long epochMicros(Instant instant) {
        Instant micros = storable(instant);
        return Math.addExact(Math.multiplyExact(micros.getEpochSecond(), 1_000_000L), micros.getNano() / 1_000L);
    }

    private static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void int64(long value) {
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        void int32(int value) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
        }

        void nullableLong(Long value) {
            if (value == null) {
                out.write(0);
                return;
            }
            out.write(1);
            int64(value);
        }

        void text(String value) {
            if (value == null) {
                out.write(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            int32(utf8.length);
            out.writeBytes(utf8);
        }

        void map(Map<String, String> map) {
            if (map == null || map.isEmpty()) {
                out.write(0);
                return;
            }
            out.write(1);
            int32(map.size());
            map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                text(e.getKey());
                text(e.getValue());
            });
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
