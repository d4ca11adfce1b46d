package org.zhibao.identity;

/**
 * The rules the security administrator sets for logging in.
 *
 * @param maxFailedAttempts failed logins in a row that lock the account
 * @param lockMinutes how long a locked account stays locked
 * @param idleTimeoutMinutes a session unused this long ends
 * @param passwordMinLength shortest password accepted
 */
public record SecurityPolicy(int maxFailedAttempts, int lockMinutes, int idleTimeoutMinutes, int passwordMinLength) {

    public PasswordRule passwordRule() {
        return new PasswordRule(passwordMinLength);
    }
}
