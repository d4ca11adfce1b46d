package org.zhibao.adjudication;

import java.time.LocalDate;
import java.util.List;

/**
 * A request for adjudication (专利侵权纠纷处理请求书) as the requester or its agent files it.
 *
 * @param officeId the office asked to decide: competent for the place of infringement or a respondent's domicile
 * @param patentNumber the application or patent number with its check digit, e.g. {@code ZL202310123456.X}
 * @param claims the claims relied on, e.g. {@code 1, 3-5}
 * @param infringementRegion the GB/T 2260 code of where the infringement is done or its result occurs
 * @param genericPublishedOn drug-patent cases only: when the generic drug's marketing application was published
 */
public record FileRequest(CaseKind kind, long officeId, String patentNumber, String patentTitle, String claims,
        String facts, String requestedOrders, String infringementRegion, PartyInput requester,
        List<PartyInput> respondents, LocalDate genericPublishedOn) {

    public FileRequest {
        kind = kind == null ? CaseKind.ORDINARY : kind;
        patentNumber = PartyInput.trim(patentNumber);
        patentTitle = PartyInput.trim(patentTitle);
        claims = PartyInput.trim(claims);
        facts = PartyInput.trim(facts);
        requestedOrders = PartyInput.trim(requestedOrders);
        infringementRegion = PartyInput.trim(infringementRegion);
        respondents = respondents == null ? List.of() : List.copyOf(respondents);
    }
}
