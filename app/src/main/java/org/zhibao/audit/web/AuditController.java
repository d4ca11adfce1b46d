package org.zhibao.audit.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.zhibao.audit.AuditEntry;
import org.zhibao.audit.AuditLog;
import org.zhibao.audit.AuditQuery;
import org.zhibao.audit.AuditVerification;
import org.zhibao.audit.Audited;
import org.zhibao.region.Jurisdiction;

/** The audit log for audit administrators: search within their jurisdiction, verify the whole log. */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/audit")
    String search(@ModelAttribute("search") SearchForm form, Jurisdiction jurisdiction, Model model) {
        Page<Row> entries = auditLog.search(form.toQuery(), jurisdiction).map(Row::new);
        model.addAttribute("entries", entries);
        return "audit/log";
    }

    /** Verification reads the whole log: a POST so that it is itself audited and not fetched by accident. */
    @PostMapping("/audit/verify")
    @Audited("audit.verify")
    String verify(@ModelAttribute("search") SearchForm form, Jurisdiction jurisdiction, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("verification", auditLog.verify());
        if ("true".equals(htmx)) {
            return "audit/log :: verification";
        }
        return search(form, jurisdiction, model);
    }

    @GetMapping("/api/v1/audit/verify")
    @ResponseBody
    AuditVerification verifyApi() {
        return auditLog.verify();
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** An entry as the table shows it. */
    record Row(AuditEntry entry, String time) {

        Row(AuditEntry entry) {
            this(entry, UTC_TIME.format(entry.recordedAt()));
        }
    }

    /** The search form; times are entered and shown in UTC, as they are stored. */
    record SearchForm(String user, String action, String result,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to, Integer page) {

        AuditQuery toQuery() {
            return new AuditQuery(user, action, result, utc(from), utc(to), page == null ? 0 : page,
                    AuditQuery.DEFAULT_PAGE_SIZE);
        }

        private static Instant utc(LocalDateTime time) {
            return time == null ? null : time.toInstant(ZoneOffset.UTC);
        }
    }
}
