package org.zhibao.api.web;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhibao.api.IdempotencyKeyReused;
import org.zhibao.api.InvalidIdempotencyKey;

/**
 * Answers a misused idempotency key with an RFC 9457 problem in the caller's language: 422 for a key reused
 * with another request (retrying cannot help; a new key can), 400 for a malformed key.
 */
@RestControllerAdvice
class IdempotencyProblems {

    private static final ResourceBundleMessageSource MESSAGES = bundle();

    @ExceptionHandler
    ResponseEntity<ProblemDetail> reused(IdempotencyKeyReused e, Locale locale) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.idempotency.key-reused", locale);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformed(InvalidIdempotencyKey e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "api.idempotency.key-malformed", locale);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, Locale locale) {
        return ResponseEntity.status(status)
                .body(ProblemDetail.forStatusAndDetail(status, MESSAGES.getMessage(code, null, locale)));
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/api");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}
