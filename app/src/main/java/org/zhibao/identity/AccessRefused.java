package org.zhibao.identity;

/**
 * An authenticated or anonymous request was refused (403/401). Published for the audit log.
 *
 * @param username who asked, or {@code null} when anonymous
 * @param officeId the asker's office, if any
 * @param method HTTP method
 * @param path the request path
 * @param clientAddress the client's address as seen behind the load balancer
 * @param reason why it was refused (exception message, not shown to users)
 */
public record AccessRefused(String username, Long officeId, String method, String path, String clientAddress,
        String reason) {
}
