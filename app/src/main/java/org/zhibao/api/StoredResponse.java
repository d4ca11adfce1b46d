package org.zhibao.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an idempotent submission as stored: status and JSON body; {@code replayed} when it is the
 * stored answer to an earlier request with the same key rather than the result of running this one.
 */
public record StoredResponse(int status, String body, boolean replayed) {

    public StoredResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        if (body == null) {
            throw new IllegalArgumentException("A stored response has a body (JSON text)");
        }
    }

    /** A fresh answer, as the work returns it. */
    public static StoredResponse of(int status, String jsonBody) {
        return new StoredResponse(status, jsonBody, false);
    }

    /** The HTTP response: a replay says so in {@value Idempotency#REPLAYED_HEADER}. */
    public ResponseEntity<String> toResponseEntity() {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (replayed) {
            response.header(Idempotency.REPLAYED_HEADER, "true");
        }
        return response.header(HttpHeaders.VARY, Idempotency.KEY_HEADER).body(body);
    }
}
