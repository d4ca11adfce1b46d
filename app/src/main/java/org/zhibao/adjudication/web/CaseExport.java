package org.zhibao.adjudication.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.zhibao.adjudication.CaseFilter;
import org.zhibao.adjudication.CaseKind;
import org.zhibao.adjudication.CaseList;
import org.zhibao.adjudication.CaseStatus;
import org.zhibao.adjudication.CaseSummary;
import org.zhibao.region.Jurisdiction;

/** The case list, with the same filters as the page, as an Excel workbook. */
@RestController
class CaseExport {

    private static final String[] HEADERS = { "adjudication.case", "adjudication.title", "adjudication.status",
            "adjudication.kind", "adjudication.office", "adjudication.party-role.REQUESTER",
            "adjudication.party-role.RESPONDENT", "adjudication.patent-number", "adjudication.cases.received",
            "adjudication.docketed-on", "adjudication.member-role.HANDLING_OFFICER" };

    private final CaseList lists;
    private final MessageSource messages;

    CaseExport(CaseList lists, MessageSource messages) {
        this.lists = lists;
        this.messages = messages;
    }

    @GetMapping("/cases/export.xlsx")
    @PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR','TECHNICAL_INVESTIGATOR','MEDIATOR')")
    org.springframework.http.ResponseEntity<StreamingResponseBody> export(Jurisdiction jurisdiction,
            @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) CaseKind kind,
            @RequestParam(required = false) Long officeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String party, @RequestParam(required = false) String patent,
            @RequestParam(required = false) String q, Locale locale) {
        List<CaseSummary> cases = lists.list(new CaseFilter(status, kind, officeId, from, to, party, patent, q),
                jurisdiction);
        StreamingResponseBody body = out -> write(cases, out, locale);
        return org.springframework.http.ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("cases-" + LocalDate.now() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private void write(List<CaseSummary> cases, OutputStream out, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, "zhibao", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("adjudication.cases.title", null, locale));
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.value(0, c, messages.getMessage(HEADERS[c], null, HEADERS[c], locale));
            sheet.style(0, c).bold().set();
        }
        int row = 1;
        for (CaseSummary s : cases) {
            sheet.value(row, 0, s.reference());
            sheet.value(row, 1, s.title());
            sheet.value(row, 2, messages.getMessage(s.status().messageCode(), null, locale));
            sheet.value(row, 3, messages.getMessage(s.kind().messageCode(), null, locale));
            sheet.value(row, 4, s.officeName());
            sheet.value(row, 5, s.requester());
            sheet.value(row, 6, s.respondents());
            sheet.value(row, 7, s.patentNumber());
            sheet.value(row, 8, s.receivedOn() == null ? "" : s.receivedOn().toString());
            sheet.value(row, 9, s.docketedOn() == null ? "" : s.docketedOn().toString());
            sheet.value(row, 10, s.handlingOfficer() == null ? "" : s.handlingOfficer());
            row++;
        }
        workbook.finish();
    }
}
