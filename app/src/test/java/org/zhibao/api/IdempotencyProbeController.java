package org.zhibao.api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A submission as a real API controller would make it idempotent; counts how often its work runs. */
@RestController
class IdempotencyProbeController {

    static final AtomicInteger runs = new AtomicInteger();

    private final Idempotency idempotency;

    IdempotencyProbeController(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @PostMapping("/test/idempotency")
    ResponseEntity<String> submit(@RequestHeader(Idempotency.KEY_HEADER) String key,
            @RequestHeader("X-Test-Account") long account, @RequestBody Map<String, Object> body) {
        return idempotency.execute(account, key, Idempotency.sha256Of(body),
                () -> StoredResponse.of(201, "{\"run\":" + runs.incrementAndGet() + "}")).toResponseEntity();
    }
}
