package org.zhibao.adjudication.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhibao.adjudication.Adjudication;
import org.zhibao.adjudication.CaseKind;
import org.zhibao.adjudication.CaseNotFound;
import org.zhibao.adjudication.CaseRefused;
import org.zhibao.adjudication.CaseStatusView;
import org.zhibao.adjudication.CaseView;
import org.zhibao.adjudication.FieldProblem;
import org.zhibao.adjudication.FileRequest;
import org.zhibao.adjudication.InvalidRequest;
import org.zhibao.adjudication.PartyInput;
import org.zhibao.api.Idempotency;
import org.zhibao.identity.ZhibaoUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adjudication API for agents' and parties' systems: file a request (once per Idempotency-Key) and read a
 * case's status and periods. Errors are RFC 9457 problem details, field by field, in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/adjudication")
@Tag(name = "Adjudication", description = "专利侵权纠纷行政裁决 — patent-infringement dispute adjudication")
class AdjudicationApiController {

    /** A request as JSON. */
    record RequestBodyJson(CaseKind kind, Long officeId, String patentNumber, String patentTitle, String claims,
            String facts, String requestedOrders, String infringementRegion, PartyJson requester,
            List<PartyJson> respondents, LocalDate genericPublishedOn) {

        FileRequest toRequest() {
            return new FileRequest(kind, officeId == null ? 0 : officeId, patentNumber, patentTitle, claims, facts,
                    requestedOrders, infringementRegion, requester == null ? null : requester.toInput(),
                    respondents == null ? List.of() : respondents.stream().map(PartyJson::toInput).toList(),
                    genericPublishedOn);
        }
    }

    /** A party as JSON; {@code domicileInChina} defaults to true. */
    record PartyJson(String name, String address, String creditCode, Boolean domicileInChina, String agent) {
        PartyInput toInput() {
            return new PartyInput(name, address, creditCode, domicileInChina == null || domicileInChina, agent);
        }
    }

    private final Adjudication adjudication;
    private final Refusals refusals;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    AdjudicationApiController(Adjudication adjudication, Refusals refusals, MessageSource messages) {
        this.adjudication = adjudication;
        this.refusals = refusals;
        this.messages = messages;
    }

    @PostMapping("/requests")
    @PreAuthorize("hasRole('PUBLIC_USER')")
    @Operation(summary = "File a request for adjudication",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first answer "
                    + "(header Idempotent-Replayed: true) and creates no second case; the same key with another "
                    + "body is refused with 422.")
    ResponseEntity<String> file(
            @Parameter(description = "1-128 visible ASCII characters, unique per submission")
            @RequestHeader(Idempotency.KEY_HEADER) String key,
            @RequestBody RequestBodyJson body, @AuthenticationPrincipal ZhibaoUser user, Locale locale) {
        return adjudication.fileOnce(body.toRequest(), key, user,
                view -> json.writeValueAsString(status(view, locale))).toResponseEntity();
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAnyRole('PUBLIC_USER','OFFICER','DIVISION_CHIEF','DIRECTOR','TECHNICAL_INVESTIGATOR','MEDIATOR')")
    @Operation(summary = "A case's status and running periods, for a party or an official who may see it")
    CaseStatusView show(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, Locale locale) {
        return status(adjudication.find(id, user).orElseThrow(CaseNotFound::new), locale);
    }

    private CaseStatusView status(CaseView c, Locale locale) {
        return new CaseStatusView(c.id(), c.reference(), c.caseNumber(), c.status(),
                messages.getMessage(c.status().messageCode(), null, locale), c.kind(), c.officeName(), c.receivedOn(),
                c.docketedOn(), c.decidedOn(), c.periods().stream().map(p -> new CaseStatusView.PeriodView(p.period(),
                        messages.getMessage(p.period().messageCode(), null, locale), p.subject(),
                        messages.getMessage(p.basis(), null, p.basis(), locale), p.start(), p.end(), p.state())).toList());
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest invalid, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                refusals.say(invalid, locale));
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem field : invalid.problems()) {
            errors.putIfAbsent(field.field(), refusals.say(field, locale));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(CaseRefused.class)
    ResponseEntity<ProblemDetail> refused(CaseRefused refused, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusals.say(refused, locale)));
    }

    @ExceptionHandler(CaseNotFound.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("adjudication.api.not-found", null, locale)));
    }
}
