package org.zhibao.leads;

import java.util.Map;

/** A report with fields to correct: field → message code. Nothing was filed. */
public class ReportInvalid extends RuntimeException {

    private final transient Map<String, String> problems;

    public ReportInvalid(Map<String, String> problems) {
        super("Report has errors: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
