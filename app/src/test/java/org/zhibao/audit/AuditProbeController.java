package org.zhibao.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** State-changing endpoints that exist only in tests, to watch the audit interceptor at work. */
@RestController
class AuditProbeController {

    @PostMapping("/test/audit-probe/labelled")
    @Audited("probe.labelled")
    String labelled() {
        return "done";
    }

    @PostMapping("/test/audit-probe/plain")
    String plain() {
        return "done";
    }

    @PostMapping("/test/audit-probe/conflict")
    ResponseEntity<String> conflict() {
        return ResponseEntity.status(HttpStatus.CONFLICT).body("no");
    }

    @GetMapping("/test/audit-probe/read")
    String read() {
        return "read";
    }
}
