package org.zhibao.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the security policy; only the security administrator's pages change it. */
@Service
public class SecurityPolicies {

    private final JdbcClient jdbc;

    SecurityPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SecurityPolicy current() {
        return jdbc.sql("""
                select max_failed_attempts, lock_minutes, idle_timeout_minutes, password_min_length
                from security_policy where id = 1""")
                .query((rs, n) -> new SecurityPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    @Transactional
    public void change(SecurityPolicy policy, String changedBy) {
        jdbc.sql("""
                update security_policy set max_failed_attempts = :max, lock_minutes = :lock,
                    idle_timeout_minutes = :idle, password_min_length = :min, changed_by = :by, changed_at = now()
                where id = 1""")
                .param("max", policy.maxFailedAttempts())
                .param("lock", policy.lockMinutes())
                .param("idle", policy.idleTimeoutMinutes())
                .param("min", policy.passwordMinLength())
                .param("by", changedBy)
                .update();
    }
}
