package org.zhibao.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhibao.database.SecretBox;
import org.zhibao.region.RegionCode;

@Repository
class AccountRepository {

    private static final String SELECT = """
            select a.*, coalesce((select string_agg(r.role, ',') from account_role r where r.account_id = a.id), '') roles
            from account a
            """;

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    AccountRepository(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT + " where lower(a.username) = lower(:u)").param("u", username)
                .query(this::map).optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(this::map).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from account where lower(username) = lower(:u) or lower(email) = lower(:u)")
                .param("u", username).query(Long.class).single() > 0;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from account where lower(email) = lower(:e)").param("e", email)
                .query(Long.class).single() > 0;
    }

    boolean phoneTaken(String phone) {
        return jdbc.sql("select count(*) from account where phone = :p").param("p", phone)
                .query(Long.class).single() > 0;
    }

    long insert(String username, String displayName, String email, String phone, PartyType partyType,
            String passwordHash, Long officeId, String officeRegion, String totpSecret, boolean totpEnabled) {
        return jdbc.sql("""
                insert into account (username, display_name, email, phone, party_type, password_hash, office_id,
                                     office_region, totp_secret, totp_enabled)
                values (:username, :displayName, :email, :phone, :partyType, :hash, :officeId, :officeRegion,
                        :secret, :totpEnabled)
                returning id""")
                .param("username", username)
                .param("displayName", displayName)
                .param("email", email)
                .param("phone", phone)
                .param("partyType", partyType == null ? null : partyType.name())
                .param("hash", passwordHash)
                .param("officeId", officeId)
                .param("officeRegion", officeRegion)
                .param("secret", secrets.seal(totpSecret))
                .param("totpEnabled", totpEnabled)
                .query(Long.class).single();
    }

    void replaceRoles(long accountId, Set<Role> roles) {
        jdbc.sql("delete from account_role where account_id = :id").param("id", accountId).update();
        for (Role role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)")
                    .param("id", accountId).param("role", role.name()).update();
        }
    }

    /**
     * Takes one login attempt before the password is checked, atomically, so parallel guesses cannot
     * outrun the lock: the attempt counts, and the count reaching the policy's limit locks the account.
     * An expired lock starts the count again. Empty when the account is locked now: nothing is checked.
     */
    java.util.OptionalInt takeLoginAttempt(long accountId, SecurityPolicy policy) {
        return jdbc.sql("""
                update account set
                    failed_attempts = (case when locked_until <= now() then 0 else failed_attempts end) + 1,
                    locked_until = case
                        when (case when locked_until <= now() then 0 else failed_attempts end) + 1 >= :max
                        then now() + make_interval(mins => :minutes) end
                where id = :id and (locked_until is null or locked_until <= now())
                returning failed_attempts""")
                .param("max", policy.maxFailedAttempts())
                .param("minutes", policy.lockMinutes())
                .param("id", accountId)
                .query(Integer.class).optional()
                .map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    /** The login succeeded: the attempt taken for it, and any earlier failures, no longer count. */
    void clearLoginAttempts(long accountId) {
        jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", accountId).update();
    }

    /**
     * Uses up a TOTP step: true only if it is later than every step used before, so one code cannot log
     * in twice, even by requests racing each other on several instances.
     */
    boolean useTotpStep(long accountId, long step) {
        return jdbc.sql("""
                update account set totp_last_step = :step
                where id = :id and (totp_last_step is null or totp_last_step < :step)""")
                .param("step", step).param("id", accountId).update() == 1;
    }

    void enableTotp(long accountId, String secret, long step) {
        jdbc.sql("update account set totp_secret = :s, totp_enabled = true, totp_last_step = :step where id = :id")
                .param("s", secrets.seal(secret)).param("step", step).param("id", accountId).update();
    }

    void resetTotp(long accountId) {
        jdbc.sql("update account set totp_secret = null, totp_enabled = false, totp_last_step = null where id = :id")
                .param("id", accountId).update();
    }

    /** The holder's own new password: any duty to change it is done. */
    void changePassword(long accountId, String hash) {
        jdbc.sql("update account set password_hash = :h, password_changed_at = now(), password_must_change = false where id = :id")
                .param("h", hash).param("id", accountId).update();
    }

    /** A password an administrator chose: its holder must replace it at the next login. */
    void setAdministeredPassword(long accountId, String hash) {
        jdbc.sql("update account set password_hash = :h, password_changed_at = now(), password_must_change = true where id = :id")
                .param("h", hash).param("id", accountId).update();
    }

    void requirePasswordChange(long accountId) {
        jdbc.sql("update account set password_must_change = true where id = :id").param("id", accountId).update();
    }

    void setEnabled(long accountId, boolean enabled) {
        jdbc.sql("update account set enabled = :e, failed_attempts = 0, locked_until = null where id = :id")
                .param("e", enabled).param("id", accountId).update();
    }

    void unlock(long accountId) {
        jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", accountId).update();
    }

    /**
     * Officials whose office lies in the jurisdiction given by its code prefix; public accounts too when
     * {@code includePublic} (the national office's view).
     */
    List<Account> list(String regionPrefix, boolean includePublic, String text, int limit) {
        String filter = text == null || text.isBlank() ? "" : " and (a.username ilike :t or a.display_name ilike :t)";
        return jdbc.sql(SELECT + " where (a.office_region like :prefix || '%' or (:public and a.office_id is null))"
                + filter + " order by a.office_region nulls last, a.username limit :limit")
                .param("prefix", regionPrefix)
                .param("public", includePublic)
                .param("t", text == null ? null : "%" + text.strip() + "%")
                .param("limit", limit)
                .query(this::map).list();
    }

    Account map(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        if (!roles.isEmpty()) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(roleSet::add);
        }
        Timestamp locked = rs.getTimestamp("locked_until");
        String partyType = rs.getString("party_type");
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("phone"), partyType == null ? null : PartyType.valueOf(partyType),
                rs.getString("password_hash"), rs.getBoolean("password_must_change"), rs.getObject("office_id", Long.class),
                rs.getString("office_region") == null ? null : RegionCode.of(rs.getString("office_region")),
                secrets.open(rs.getString("totp_secret")), rs.getBoolean("totp_enabled"),
                rs.getObject("totp_last_step", Long.class), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(), rs.getBoolean("enabled"), roleSet);
    }
}
