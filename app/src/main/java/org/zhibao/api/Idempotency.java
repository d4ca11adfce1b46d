package org.zhibao.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an API submission at most once per key: {@code Idempotency-Key} (1 to 128 visible ASCII characters),
 * scoped to the account that sends it and kept for 24 hours. The first request runs its work and stores the
 * answer in the same transaction, so a crash leaves neither the work nor the key; a retry with the same key
 * and the same body gets the stored answer; the same key with another body is refused. Two identical
 * requests at once queue on the key's primary key: the second waits for the first to commit, then replays.
 */
@Service
public class Idempotency {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private final JdbcClient jdbc;

    Idempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stored answer to this key, or the answer of {@code work}, run now in this transaction (joined when
     * the caller has one) and stored with it.
     *
     * @param requestSha256 the request's fingerprint, e.g. {@link #sha256Of(Object)} of its parsed body
     * @throws InvalidIdempotencyKey when the key is malformed
     * @throws IdempotencyKeyReused when the key was used for a request with another fingerprint
     */
    @Transactional
    public StoredResponse execute(long accountId, String key, String requestSha256, Supplier<StoredResponse> work) {
        requireValid(key);
        for (int attempt = 0; attempt < 3; attempt++) {
            int claimed = jdbc.sql("""
                    insert into idempotency_key (account_id, idempotency_key, request_sha256)
                    values (:account, :key, :hash) on conflict do nothing""")
                    .param("account", accountId).param("key", key).param("hash", requestSha256).update();
            if (claimed == 1) {
                return run(accountId, key, work);
            }
            Optional<Earlier> earlier = jdbc.sql("""
                    select request_sha256, response_status, response_body,
                           created_at < now() - interval '24 hours' as expired
                    from idempotency_key where account_id = :account and idempotency_key = :key for update""")
                    .param("account", accountId).param("key", key)
                    .query((row, n) -> new Earlier(row.getString(1), row.getInt(2), row.getString(3),
                            row.getBoolean(4)))
                    .optional();
            if (earlier.isEmpty()) {
                continue; // cleaned up in between: claim it again
            }
            if (earlier.get().expired()) {
                jdbc.sql("""
                        update idempotency_key set request_sha256 = :hash, response_status = null,
                               response_body = null, created_at = now()
                        where account_id = :account and idempotency_key = :key""")
                        .param("hash", requestSha256).param("account", accountId).param("key", key).update();
                return run(accountId, key, work);
            }
            if (!earlier.get().requestSha256().equals(requestSha256)) {
                throw new IdempotencyKeyReused(key);
            }
            return new StoredResponse(earlier.get().status(), earlier.get().body(), true);
        }
        throw new IllegalStateException("Could not claim idempotency key " + key);
    }

    /** SHA-256 (hex) of the request in canonical JSON: the same content gives the same hash, however spaced or ordered. */
    public static String sha256Of(Object request) {
        JsonNode tree = CANONICAL.valueToTree(request);
        return sha256(CANONICAL.writeValueAsString(tree));
    }

    /** Whether {@code key} may be an idempotency key: 1 to 128 visible ASCII characters. */
    public static boolean isValidKey(String key) {
        return key != null && key.matches("[!-~]{1,128}");
    }

    /** Keys are kept a day; after that, the same key starts afresh (and the cleanup deletes it). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    @SchedulerLock(name = "idempotency-cleanup")
    public void deleteExpiredKeys() {
        jdbc.sql("delete from idempotency_key where created_at < now() - interval '24 hours'").update();
    }

    private StoredResponse run(long accountId, String key, Supplier<StoredResponse> work) {
        StoredResponse response = work.get();
        jdbc.sql("""
                update idempotency_key set response_status = :status, response_body = :body
                where account_id = :account and idempotency_key = :key""")
                .param("status", response.status()).param("body", response.body())
                .param("account", accountId).param("key", key).update();
        return new StoredResponse(response.status(), response.body(), false);
    }

    private static void requireValid(String key) {
        if (!isValidKey(key)) {
            throw new InvalidIdempotencyKey();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Earlier(String requestSha256, int status, String body, boolean expired) {
    }
}
