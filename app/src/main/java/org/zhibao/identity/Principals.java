package org.zhibao.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;

/** Turns an account into the principal of its requests. */
@Component
class Principals {

    /** The only authority of an official who has not yet set up the second factor. */
    static final String TOTP_ENROLMENT = "TOTP_ENROLMENT";
    /** The only authority of a holder who must first replace a password an administrator set. */
    static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

    private final Offices offices;

    Principals(Offices offices) {
        this.offices = offices;
    }

    ZhibaoUser principalOf(Account account) {
        Long officeId = account.officeId();
        String officeName = null;
        Jurisdiction jurisdiction = null;
        if (officeId != null) {
            OfficeView office = offices.find(officeId).orElseThrow();
            officeName = office.name();
            jurisdiction = new Jurisdiction(office.regionCode());
        }
        return new ZhibaoUser(account.id(), account.username(), account.displayName(), officeId, officeName,
                jurisdiction, account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles()));
    }

    /** A fully authenticated account: its roles are its authorities. */
    UsernamePasswordAuthenticationToken authenticated(Account account, Object details) {
        ZhibaoUser user = principalOf(account);
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        token.setDetails(details);
        return token;
    }

    /** A holder whose password was set by an administrator: may only choose a new one. */
    UsernamePasswordAuthenticationToken pendingPasswordChange(Account account, Object details) {
        var token = UsernamePasswordAuthenticationToken.authenticated(principalOf(account), null,
                List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE)));
        token.setDetails(details);
        return token;
    }

    /** The next step after a password change or enrolment: the remaining duty, or full authentication. */
    UsernamePasswordAuthenticationToken next(Account account, Object details) {
        if (account.passwordMustChange()) {
            return pendingPasswordChange(account, details);
        }
        if (account.requiresSecondFactor() && !account.totpEnabled()) {
            return pendingEnrolment(account, details);
        }
        return authenticated(account, details);
    }

    /** An official whose password was right but who has no second factor yet: may only enrol one. */
    UsernamePasswordAuthenticationToken pendingEnrolment(Account account, Object details) {
        ZhibaoUser user = principalOf(account);
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(TOTP_ENROLMENT)));
        token.setDetails(details);
        return token;
    }
}
