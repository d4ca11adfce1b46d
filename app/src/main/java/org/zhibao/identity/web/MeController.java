package org.zhibao.identity.web;

import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;

/** Who the caller is: lets an integrating system check its token. */
@RestController
class MeController {

    record Me(String username, String displayName, Set<Role> roles, Long officeId, String officeName,
            String jurisdiction) {
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal ZhibaoUser user) {
        return new Me(user.username(), user.displayName(), user.roles(), user.officeId(), user.officeName(),
                user.jurisdiction() == null ? null : user.jurisdiction().root().value());
    }
}
