package org.zhibao.adjudication;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.zhibao.party.CreditCode;
import org.zhibao.patent.PatentApplicationNumber;
import org.zhibao.patent.PatentKind;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/**
 * The conditions a request must meet before an office reviews it: a clear respondent, the patent and the
 * claims relied on, facts, and an office competent for the place of infringement or a respondent's domicile
 * (arts. 6–8, 16, 19; major and drug-patent disputes at the national office, arts. 55–62).
 */
final class RequestRules {

    static final int MAX_TEXT = 20_000;
    static final int MAX_NAME = 200;
    static final int MAX_RESPONDENTS = 20;
    private static final Pattern CLAIMS = Pattern.compile("\\d{1,3}(\\s*[-–~]\\s*\\d{1,3})?(\\s*[,，、]\\s*\\d{1,3}(\\s*[-–~]\\s*\\d{1,3})?)*");

    private RequestRules() {
    }

    /** What is wrong with the request, field by field; empty when it may be filed at {@code office}. */
    static List<FieldProblem> check(FileRequest request, Optional<Jurisdiction> office, boolean regionKnown) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.kind() == CaseKind.SIMPLIFIED) {
            problems.add(new FieldProblem("kind", "adjudication.request.kind-simplified-by-office"));
        }
        Optional<PatentApplicationNumber> patent = PatentApplicationNumber.parse(request.patentNumber());
        if (request.patentNumber().isEmpty()) {
            problems.add(new FieldProblem("patentNumber", "adjudication.request.required"));
        }
        else if (patent.isEmpty()) {
            problems.add(new FieldProblem("patentNumber", "adjudication.request.patent-number-invalid"));
        }
        if (request.kind() == CaseKind.DRUG_PATENT) {
            if (patent.isPresent() && patent.get().kind() != PatentKind.INVENTION) {
                problems.add(new FieldProblem("patentNumber", "adjudication.request.drug-patent-invention-only"));
            }
            if (request.genericPublishedOn() == null) {
                problems.add(new FieldProblem("genericPublishedOn", "adjudication.request.required"));
            }
        }
        if (request.claims().isEmpty()) {
            problems.add(new FieldProblem("claims", "adjudication.request.required"));
        }
        else if (!CLAIMS.matcher(request.claims()).matches()) {
            problems.add(new FieldProblem("claims", "adjudication.request.claims-invalid"));
        }
        text(problems, "facts", request.facts(), MAX_TEXT);
        if (request.requestedOrders().length() > MAX_TEXT) {
            problems.add(new FieldProblem("requestedOrders", "adjudication.request.too-long", MAX_TEXT));
        }
        if (request.patentTitle().length() > MAX_NAME) {
            problems.add(new FieldProblem("patentTitle", "adjudication.request.too-long", MAX_NAME));
        }
        party(problems, "requester", request.requester());
        if (request.respondents().isEmpty()) {
            problems.add(new FieldProblem("respondents[0].name", "adjudication.request.respondent-required"));
        }
        else if (request.respondents().size() > MAX_RESPONDENTS) {
            problems.add(new FieldProblem("respondents", "adjudication.request.too-many-respondents", MAX_RESPONDENTS));
        }
        for (int i = 0; i < request.respondents().size() && i < MAX_RESPONDENTS; i++) {
            party(problems, "respondents[" + i + "]", request.respondents().get(i));
        }
        Optional<RegionCode> place = region(request.infringementRegion());
        if (request.infringementRegion().isEmpty()) {
            problems.add(new FieldProblem("infringementRegion", "adjudication.request.required"));
        }
        else if (place.isEmpty() || !regionKnown) {
            problems.add(new FieldProblem("infringementRegion", "adjudication.request.region-unknown"));
        }
        if (office.isEmpty()) {
            problems.add(new FieldProblem("officeId", "adjudication.request.office-unknown"));
        }
        else if (request.kind().atNationalOffice() != office.get().isNational()) {
            problems.add(new FieldProblem("officeId", request.kind().atNationalOffice()
                    ? "adjudication.request.national-office-only" : "adjudication.request.not-at-national-office"));
        }
        else if (!office.get().isNational() && place.isPresent() && !competent(office.get(), place.get(), request)) {
            problems.add(new FieldProblem("officeId", "adjudication.request.office-not-competent"));
        }
        return problems;
    }

    /** Competent where the infringement is done or a respondent is domiciled (its credit code's region). */
    static boolean competent(Jurisdiction office, RegionCode place, FileRequest request) {
        if (office.covers(place)) {
            return true;
        }
        return request.respondents().stream()
                .map(respondent -> CreditCode.parse(respondent.creditCode()).flatMap(CreditCode::registeredIn))
                .flatMap(Optional::stream)
                .anyMatch(office::covers);
    }

    static Optional<RegionCode> region(String code) {
        try {
            return Optional.of(RegionCode.of(code));
        }
        catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static void party(List<FieldProblem> problems, String prefix, PartyInput party) {
        if (party == null) {
            problems.add(new FieldProblem(prefix + ".name", "adjudication.request.required"));
            return;
        }
        text(problems, prefix + ".name", party.name(), MAX_NAME);
        text(problems, prefix + ".address", party.address(), MAX_NAME);
        if (!party.creditCode().isEmpty() && CreditCode.parse(party.creditCode()).isEmpty()) {
            problems.add(new FieldProblem(prefix + ".creditCode", "adjudication.request.credit-code-invalid"));
        }
        if (party.agent().length() > MAX_NAME) {
            problems.add(new FieldProblem(prefix + ".agent", "adjudication.request.too-long", MAX_NAME));
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, "adjudication.request.required"));
        }
        else if (value.length() > max) {
            problems.add(new FieldProblem(field, "adjudication.request.too-long", max));
        }
    }
}
