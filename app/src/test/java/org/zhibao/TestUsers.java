package org.zhibao;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/** Authenticated principals for MockMvc tests, shaped as the real login makes them. */
public final class TestUsers {

    private TestUsers() {
    }

    /** An official of an office at {@code regionCode} holding {@code roles}. */
    public static RequestPostProcessor official(String regionCode, Role... roles) {
        ZhibaoUser user = new ZhibaoUser(1L, "test-" + regionCode, "Test " + regionCode, 1L,
                "Office " + regionCode, new Jurisdiction(RegionCode.of(regionCode)), EnumSet.copyOf(Arrays.asList(roles)));
        return SecurityMockMvcRequestPostProcessors.authentication(authentication(user));
    }

    /** A public user: no office, no jurisdiction. */
    public static RequestPostProcessor publicUser() {
        ZhibaoUser user = new ZhibaoUser(2L, "public", "Public", null, null, null, Set.of(Role.PUBLIC_USER));
        return SecurityMockMvcRequestPostProcessors.authentication(authentication(user));
    }

    public static Authentication authentication(ZhibaoUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }
}
