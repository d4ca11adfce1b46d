package org.zhibao.leads.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.zhibao.audit.AuditLog;
import org.zhibao.leads.LeadFilter;
import org.zhibao.leads.LeadSource;
import org.zhibao.leads.LeadStatus;
import org.zhibao.leads.LeadSummary;
import org.zhibao.leads.Leads;
import org.zhibao.region.Jurisdiction;

/** The list, with the page's filters, as an Excel workbook (up to 100,000 leads). */
@RestController
class LeadExport {

    private static final String[] HEADERS = { "leads.id", "leads.rule", "leads.score", "leads.applicant",
            "leads.credit-code", "leads.agency", "leads.region", "leads.office", "leads.status-label", "leads.source-label",
            "leads.subjects", "leads.created", "leads.due" };
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Leads leads;
    private final MessageSource messages;
    private final AuditLog audit;

    LeadExport(Leads leads, MessageSource messages, AuditLog audit) {
        this.leads = leads;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/leads/export.xlsx")
    @PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR')")
    ResponseEntity<StreamingResponseBody> export(Jurisdiction jurisdiction, @RequestParam(required = false) String rule,
            @RequestParam(required = false) Double minScore, @RequestParam(required = false) String region,
            @RequestParam(required = false) String applicant, @RequestParam(required = false) String agency,
            @RequestParam(required = false) LeadStatus status, @RequestParam(required = false) LeadSource source,
            @RequestParam(required = false) Long batch, @RequestParam(defaultValue = "false") boolean mine,
            @org.springframework.security.core.annotation.AuthenticationPrincipal org.zhibao.identity.ZhibaoUser user,
            Locale locale) {
        LeadFilter filter = new LeadFilter(LeadController.blankToNull(rule), minScore, LeadController.blankToNull(region),
                applicant, agency, status, source, batch, mine ? user.officeId() : null);
        List<LeadSummary> rows = leads.list(filter, jurisdiction, Leads.EXPORT_LIMIT);
        audit.recordForCurrentUser("leads.export", "leads", "ok", java.util.Map.of("rows", String.valueOf(rows.size())));
        StreamingResponseBody body = out -> write(rows, out, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("leads-" + LocalDate.now(CHINA) + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private void write(List<LeadSummary> rows, OutputStream out, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, "zhibao", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("leads.title", null, locale));
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.value(0, c, messages.getMessage(HEADERS[c], null, HEADERS[c], locale));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (LeadSummary s : rows) {
            sheet.value(r, 0, s.id());
            sheet.value(r, 1, messages.getMessage("leads.rule." + s.rule(), null, s.rule(), locale));
            if (s.score() != null) {
                sheet.value(r, 2, s.score());
            }
            sheet.value(r, 3, s.applicantName());
            sheet.value(r, 4, s.applicantCode() == null ? "" : s.applicantCode());
            sheet.value(r, 5, s.agency() == null ? "" : s.agency());
            sheet.value(r, 6, s.regionName());
            sheet.value(r, 7, s.officeName());
            sheet.value(r, 8, messages.getMessage(s.status().messageCode(), null, locale));
            sheet.value(r, 9, messages.getMessage(s.source().messageCode(), null, locale));
            sheet.value(r, 10, s.subjectCount() == 1 ? s.firstSubject()
                    : s.firstSubject() + " +" + (s.subjectCount() - 1));
            sheet.value(r, 11, s.createdAt().atZone(CHINA).toLocalDate().toString());
            sheet.value(r, 12, s.dueOn() == null ? "" : s.dueOn().toString());
            r++;
        }
        workbook.finish();
    }
}
