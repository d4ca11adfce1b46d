package org.zhibao.screening;

import java.util.List;
import java.util.Map;

/**
 * One finding: the rule, the applications it concerns, a score in [0, 1] and the evidence an officer can show
 * the applicant. Evidence is a map of plain values (strings, numbers, lists, maps) written as JSON as is.
 */
public record Finding(Rule rule, List<String> subjects, double score, Map<String, Object> evidence) {

    public Finding {
        subjects = List.copyOf(subjects);
        score = Math.max(0, Math.min(1, score));
        evidence = evidence == null ? Map.of() : evidence;
    }
}
