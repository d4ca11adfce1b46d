package org.zhibao.leads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A report from the public about a filing, as the form sends it.
 *
 * @param filingKind PATENT or TRADEMARK
 * @param applicationNo the filing's application number
 * @param rule the conduct reported, one of the screening rules of that kind
 * @param applicantName who filed it
 * @param applicantCode the applicant's credit code, if known: it places the applicant's region exactly
 * @param applicantAddress the applicant's address, if known
 * @param description what the reporter saw
 */
public record NewReport(String filingKind, String applicationNo, String rule, String applicantName,
        String applicantCode, String applicantAddress, String description) {

    private static final Set<String> PATENT_RULES = Set.of("P1_DUPLICATE", "P1_COMBINATION", "P4_GENERATED", "P6_SPLIT");
    private static final Set<String> TRADEMARK_RULES = Set.of("T_SQUAT", "T_MASS");

    /** Field → message code of what is wrong with it; empty when the report can be filed. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!"PATENT".equals(filingKind) && !"TRADEMARK".equals(filingKind)) {
            problems.put("filingKind", "leads.report.error.kind");
        }
        if (blank(applicationNo) || applicationNo.strip().length() > 40) {
            problems.put("applicationNo", "leads.report.error.application-no");
        }
        Set<String> rules = "TRADEMARK".equals(filingKind) ? TRADEMARK_RULES : PATENT_RULES;
        if (blank(rule) || !rules.contains(rule)) {
            problems.put("rule", "leads.report.error.rule");
        }
        if (blank(applicantName) || applicantName.strip().length() > 200) {
            problems.put("applicantName", "leads.report.error.applicant");
        }
        if (!blank(applicantCode) && !org.zhibao.party.CreditCode.parse(applicantCode.strip()).isPresent()) {
            problems.put("applicantCode", "leads.report.error.credit-code");
        }
        if (blank(description) || description.strip().length() < 10 || description.length() > 4000) {
            problems.put("description", "leads.report.error.description");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
