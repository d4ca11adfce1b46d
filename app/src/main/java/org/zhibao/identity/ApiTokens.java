package org.zhibao.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens an account makes for its own systems (an agent's case software, a platform's integration).
 * A token acts as its account, with the account's roles and jurisdiction. Only its SHA-256 is stored: it is
 * shown once, when made.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "zb_";
    /** A token always expires; this many days unless its maker chooses fewer (or up to a year). */
    static final int DEFAULT_VALID_DAYS = 90;
    private static final int MAX_ACTIVE_PER_ACCOUNT = 20;
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as listed on the profile page. */
    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    /** The new token, in clear, to show once. */
    public record IssuedToken(long id, String token) {
    }

    @Transactional
    public IssuedToken issue(long accountId, String name, Integer validDays) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new AccountRuleViolation("name", "identity.token.name-invalid");
        }
        if (validDays != null && (validDays < 1 || validDays > 366)) {
            throw new AccountRuleViolation("validDays", "identity.token.validity-invalid");
        }
        int days = validDays == null ? DEFAULT_VALID_DAYS : validDays;
        long active = jdbc.sql("""
                select count(*) from api_token where account_id = :a and revoked_at is null
                  and (expires_at is null or expires_at > now())""")
                .param("a", accountId).query(Long.class).single();
        if (active >= MAX_ACTIVE_PER_ACCOUNT) {
            throw new AccountRuleViolation("name", "identity.token.too-many");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                insert into api_token (account_id, name, token_hash, token_prefix, expires_at)
                values (:a, :n, :h, :p, now() + make_interval(days => :days))
                returning id""")
                .param("a", accountId)
                .param("n", name.strip())
                .param("h", hash(token))
                .param("p", token.substring(0, PREFIX.length() + 6))
                .param("days", days)
                .query(Long.class).single();
        return new IssuedToken(id, token);
    }

    public List<TokenView> list(long accountId) {
        return jdbc.sql("""
                select id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at
                from api_token where account_id = :a order by created_at desc""")
                .param("a", accountId)
                .query((rs, n) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
    }

    /** Revokes one of the account's own tokens; false when it has no such active token. */
    @Transactional
    public boolean revoke(long accountId, long tokenId) {
        return jdbc.sql("update api_token set revoked_at = now() where id = :id and account_id = :a and revoked_at is null")
                .param("id", tokenId).param("a", accountId).update() == 1;
    }

    /** Revokes every token of an account whose holder may have changed (disabled, credentials reset). */
    @Transactional
    void revokeAll(long accountId) {
        jdbc.sql("update api_token set revoked_at = now() where account_id = :a and revoked_at is null")
                .param("a", accountId).update();
    }

    /** The account a presented token belongs to, if the token is known, unrevoked and unexpired. */
    @Transactional
    Optional<Long> accountOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update api_token set last_used_at = now()
                where token_hash = :h and revoked_at is null and (expires_at is null or expires_at > now())
                returning account_id""")
                .param("h", hash(token)).query(Long.class).optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
