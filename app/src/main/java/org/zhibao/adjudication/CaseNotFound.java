package org.zhibao.adjudication;

/**
 * No such case, or none the user may see: the two are not told apart, so that nobody learns of a case beyond
 * their reach.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class CaseNotFound extends RuntimeException {

    public CaseNotFound() {
        super("No such case");
    }
}
