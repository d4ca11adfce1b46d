package org.zhibao.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhibao.identity.Commands.CreateOfficial;
import org.zhibao.identity.Commands.CreatePlatform;
import org.zhibao.identity.Commands.RegisterPublicUser;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;

/**
 * Accounts: opened by the system administrator (officials, platforms) or by the public themselves; roles
 * granted by the security administrator. Every method that touches another account checks that it lies in
 * the actor's jurisdiction.
 */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int LIST_LIMIT = 500;

    private final AccountRepository accounts;
    private final Offices offices;
    private final PasswordEncoder passwords;
    private final SecurityPolicies policies;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final LoginAttempts attempts;

    Accounts(AccountRepository accounts, Offices offices, PasswordEncoder passwords, SecurityPolicies policies,
            Sessions sessions, ApiTokens tokens, LoginAttempts attempts) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.offices = offices;
        this.passwords = passwords;
        this.policies = policies;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Transactional
    public long createOfficial(CreateOfficial command, Jurisdiction actor) {
        OfficeView office = offices.find(command.officeId())
                .orElseThrow(() -> new AccountRuleViolation("officeId", "identity.account.office-unknown"));
        if (!actor.covers(office.regionCode())) {
            throw new AccessDeniedException("Office " + office.id() + " is outside the jurisdiction");
        }
        requireNewUsername(command.username());
        requireDisplayName(command.displayName());
        requirePassword(command.initialPassword(), command.username());
        long id = accounts.insert(command.username(), command.displayName().strip(), null, null, null,
                passwords.encode(command.initialPassword()), office.id(), office.regionCode().value(), null, false);
        accounts.requirePasswordChange(id);
        return id;
    }

    @Transactional
    public long registerPublicUser(RegisterPublicUser command) {
        String email = blankToNull(command.email());
        String phone = blankToNull(command.phone());
        if (email == null && phone == null) {
            throw new AccountRuleViolation("email", "identity.register.email-or-phone");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new AccountRuleViolation("email", "identity.register.email-invalid");
        }
        if (phone != null && !MOBILE.matcher(phone).matches()) {
            throw new AccountRuleViolation("phone", "identity.register.phone-invalid");
        }
        if (email != null && (accounts.emailTaken(email) || accounts.usernameTaken(email))) {
            throw new AccountRuleViolation("email", "identity.register.email-taken");
        }
        if (phone != null && (accounts.phoneTaken(phone) || accounts.usernameTaken(phone))) {
            throw new AccountRuleViolation("phone", "identity.register.phone-taken");
        }
        requireDisplayName(command.displayName());
        if (command.partyType() == null) {
            throw new AccountRuleViolation("partyType", "identity.register.party-type-required");
        }
        String username = email != null ? email.toLowerCase(java.util.Locale.ROOT) : phone;
        requirePassword(command.password(), username);
        long id = accounts.insert(username, command.displayName().strip(), email, phone, command.partyType(),
                passwords.encode(command.password()), null, null, null, false);
        accounts.replaceRoles(id, EnumSet.of(Role.PUBLIC_USER));
        return id;
    }

    @Transactional
    public long createPlatform(CreatePlatform command, Jurisdiction actor) {
        if (!actor.isNational()) {
            throw new AccessDeniedException("Platforms are registered by the national office");
        }
        requireNewUsername(command.username());
        requireDisplayName(command.displayName());
        requirePassword(command.initialPassword(), command.username());
        long id = accounts.insert(command.username(), command.displayName().strip(), null, null, null,
                passwords.encode(command.initialPassword()), null, null, null, false);
        accounts.replaceRoles(id, EnumSet.of(Role.PLATFORM));
        accounts.requirePasswordChange(id);
        return id;
    }

    /**
     * Sets up an account at installation or for the demo. The rules on roles still hold; the password is
     * hashed once per distinct password so that seeding many accounts stays fast.
     */
    @Transactional
    public long seed(SeedAccount seed, java.util.Map<String, String> hashCache) {
        if (accounts.usernameTaken(seed.username())) {
            throw new AccountRuleViolation("username", "identity.account.username-taken");
        }
        if (seed.roles().stream().filter(Role::isAdministrator).count() > 1) {
            throw new AccountRuleViolation("roles", "identity.roles.separation");
        }
        String officeRegion = null;
        if (seed.officeId() != null) {
            officeRegion = offices.find(seed.officeId()).orElseThrow().regionCode().value();
        }
        String hash = hashCache.computeIfAbsent(seed.password(), passwords::encode);
        long id = accounts.insert(seed.username(), seed.displayName(), seed.email(), null, seed.partyType(), hash,
                seed.officeId(), officeRegion, seed.totpSecret(), seed.totpSecret() != null);
        accounts.replaceRoles(id, seed.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(seed.roles()));
        if (seed.passwordMustChange()) {
            accounts.requirePasswordChange(id);
        }
        return id;
    }

    public List<AccountView> list(Jurisdiction actor, String text) {
        boolean national = actor.isNational();
        return accounts.list(actor.codePrefix(), national, text, LIST_LIMIT).stream().map(AccountView::of).toList();
    }

    /**
     * The region of the office an account belongs to, for records about a login attempt under that name
     * (so that the office's own audit administrator sees them); empty for unknown names and public users.
     */
    public java.util.Optional<String> officeRegionOf(String username) {
        return accounts.findByUsername(username == null ? "" : username)
                .map(Account::officeRegion).map(org.zhibao.region.RegionCode::value);
    }

    /** One's own account, for the profile page. */
    public AccountView own(long accountId) {
        return AccountView.of(accounts.findById(accountId).orElseThrow());
    }

    public AccountView find(long id, Jurisdiction actor) {
        return AccountView.of(accountWithin(id, actor));
    }

    /**
     * The security administrator sets an account's roles. Nobody changes their own; an account holds at most
     * one of the three administrator roles; official roles only for officials; public and platform roles are
     * not granted here.
     */
    @Transactional
    public void setRoles(long id, Set<Role> roles, ZhibaoUser actor) {
        Account account = accountWithin(id, actor.jurisdiction());
        if (account.id() == actor.accountId()) {
            throw new AccountRuleViolation("roles", "identity.roles.not-own");
        }
        if (!account.isOfficial()) {
            throw new AccountRuleViolation("roles", "identity.roles.not-official");
        }
        if (roles.contains(Role.PUBLIC_USER) || roles.contains(Role.PLATFORM)) {
            throw new AccountRuleViolation("roles", "identity.roles.not-grantable");
        }
        if (roles.stream().filter(Role::isAdministrator).count() > 1) {
            throw new AccountRuleViolation("roles", "identity.roles.separation");
        }
        if (roles.stream().anyMatch(Role::isAdministrator) && roles.stream().anyMatch(r -> !r.isAdministrator())) {
            throw new AccountRuleViolation("roles", "identity.roles.admin-alone");
        }
        boolean newAdministrator = roles.stream().anyMatch(r -> r.isAdministrator() && !account.roles().contains(r));
        if (newAdministrator && (account.passwordMustChange() || !account.totpEnabled())) {
            // until its holder has replaced the password whoever opened it chose, and bound their own second
            // factor, the account is partly in that person's hands
            throw new AccountRuleViolation("roles", "identity.roles.admin-needs-own-credentials");
        }
        accounts.replaceRoles(id, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        // the old roles live on in the account's sessions: end them
        sessions.endAllOf(account.username());
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, ZhibaoUser actor) {
        Account account = accountWithin(id, actor.jurisdiction());
        requireMayManageCredentials(account, actor, "enabled");
        accounts.setEnabled(id, enabled);
        if (!enabled) {
            sessions.endAllOf(account.username());
            tokens.revokeAll(id);
        }
    }

    @Transactional
    public void unlock(long id, Jurisdiction actor) {
        accountWithin(id, actor);
        accounts.unlock(id);
    }

    /** A forgotten password: the system administrator sets a new one, and the second factor must be set up again. */
    @Transactional
    public void resetCredentials(long id, String newPassword, ZhibaoUser actor) {
        Account account = accountWithin(id, actor.jurisdiction());
        requireMayManageCredentials(account, actor, "password");
        requirePassword(newPassword, account.username());
        accounts.setAdministeredPassword(id, passwords.encode(newPassword));
        accounts.resetTotp(id);
        accounts.unlock(id);
        sessions.endAllOf(account.username());
        tokens.revokeAll(id);
    }

    /**
     * Whoever sets an account's password or switches it off can act as its holder, so: never one's own
     * account here, and an administrator's account only from a higher office — a system administrator
     * cannot take over the security or audit administrator beside them (三权分立).
     */
    static void requireMayManageCredentials(Account target, ZhibaoUser actor, String field) {
        if (target.id() == actor.accountId()) {
            throw new AccountRuleViolation(field, "identity.account.not-own");
        }
        boolean administrator = target.roles().stream().anyMatch(Role::isAdministrator);
        boolean fromAbove = target.officeRegion() != null && actor.jurisdiction() != null
                && !target.officeRegion().equals(actor.jurisdiction().root());
        if (administrator && !fromAbove) {
            throw new AccountRuleViolation(field, "identity.account.administrator-from-above");
        }
    }

    /**
     * The holder changes their password. The current one is a proof like a login (it counts toward the lock);
     * the holder's other sessions end, since whoever else had one may be why the password changes.
     */
    @Transactional
    public void changeOwnPassword(long accountId, String currentPassword, String newPassword, String keepSession) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!attempts.take(account)) {
            throw new AccountRuleViolation("currentPassword", "identity.account.locked");
        }
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw new AccountRuleViolation("currentPassword", "identity.password.current-wrong");
        }
        attempts.clear(account);
        requirePassword(newPassword, account.username());
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw new AccountRuleViolation("newPassword", "identity.password.same-as-old");
        }
        accounts.changePassword(accountId, passwords.encode(newPassword));
        sessions.endAllOfExcept(account.username(), keepSession);
    }

    /**
     * The new password of a holder who must replace one an administrator set; false when the account has no
     * such duty (then the ordinary change, which asks for the current password, applies).
     */
    @Transactional
    public boolean replaceAdministeredPassword(long accountId, String newPassword) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!account.passwordMustChange()) {
            return false;
        }
        requirePassword(newPassword, account.username());
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw new AccountRuleViolation("newPassword", "identity.password.same-as-old");
        }
        accounts.changePassword(accountId, passwords.encode(newPassword));
        return true;
    }

    private Account accountWithin(long id, Jurisdiction actor) {
        Account account = accounts.findById(id)
                .orElseThrow(() -> new AccessDeniedException("No account " + id));
        boolean visible = account.officeRegion() != null
                ? actor.covers(account.officeRegion())
                : actor.isNational();
        if (!visible) {
            throw new AccessDeniedException("Account " + id + " is outside the jurisdiction");
        }
        return account;
    }

    private void requireNewUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountRuleViolation("username", "identity.account.username-invalid");
        }
        if (accounts.usernameTaken(username)) {
            throw new AccountRuleViolation("username", "identity.account.username-taken");
        }
    }

    private static void requireDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new AccountRuleViolation("displayName", "identity.account.display-name-invalid");
        }
    }

    private void requirePassword(String password, String username) {
        List<String> violations = policies.current().passwordRule().violations(password, username);
        if (!violations.isEmpty()) {
            throw new AccountRuleViolation("password", violations.get(0));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
