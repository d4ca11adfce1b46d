package org.zhibao.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends an account's sessions on every instance (they live in the database): a disabled account, a reset
 * password or changed roles take effect at once, not when the old session idles out. Inside a transaction
 * the sessions end once it commits, so that a login in between cannot start a session on the old state.
 */
@Component
class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    void endAllOf(String username) {
        endAllOfExcept(username, null);
    }

    /** Ends every session of the account but {@code keep} (the one the holder is using), if given. */
    void endAllOfExcept(String username, String keep) {
        Runnable end = () -> repository.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keep))
                .forEach(repository::deleteById);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        }
        else {
            end.run();
        }
    }
}
