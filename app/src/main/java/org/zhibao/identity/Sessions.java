package org.zhibao.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions on every instance (they live in the database): a disabled account, a reset
 * password or changed roles take effect at once, not when the old session idles out.
 */
@Component
class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    void endAllOf(String username) {
        repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
    }
}
