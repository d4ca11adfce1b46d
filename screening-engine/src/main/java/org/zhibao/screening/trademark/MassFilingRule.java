package org.zhibao.screening.trademark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Rule;
import org.zhibao.screening.TrademarkRecord;
import org.zhibao.screening.ChineseText;

/**
 * T_MASS: an applicant filing many different marks across unrelated classes (大量囤积). The factors of SAMR
 * order 17 art. 8: the number of filings, the spread of goods and services, timing, and marks copying others.
 * One mark filed in many classes is defensive registration, not hoarding, so distinct marks are counted; a
 * brand owner's product line stays in few classes. The input carries no evidence of use, so the spread over
 * classes stands in for "no sign of use".
 */
public final class MassFilingRule {

    /** Distinct marks at which bulk filing begins. */
    public static final int MIN_MARKS = 20;
    /** Distinct Nice classes beyond any one line of business (the 45 classes group into about a dozen trades). */
    public static final int MIN_CLASSES = 8;
    /** So many distinct marks are hoarding whatever the classes. */
    public static final int ALWAYS_MARKS = 100;

    private final Map<String, List<TrademarkRecord>> byApplicant = new HashMap<>();
    private final Map<String, Integer> squats = new HashMap<>();

    public void add(TrademarkRecord r, boolean squat) {
        String key = r.applicant().identity();
        if (key.isEmpty()) {
            return;
        }
        byApplicant.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        if (squat) {
            squats.merge(key, 1, Integer::sum);
        }
    }

    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<TrademarkRecord>> e : byApplicant.entrySet()) {
            List<TrademarkRecord> filings = e.getValue();
            TreeSet<String> marks = new TreeSet<>();
            TreeSet<Integer> classes = new TreeSet<>();
            List<LocalDate> dates = new ArrayList<>();
            for (TrademarkRecord r : filings) {
                marks.add(ChineseText.fold(ChineseText.normalize(r.mark())));
                classes.addAll(r.niceClasses());
                if (r.filingDate() != null) {
                    dates.add(r.filingDate());
                }
            }
            boolean hoarding = marks.size() >= ALWAYS_MARKS || (marks.size() >= MIN_MARKS && classes.size() >= MIN_CLASSES);
            if (!hoarding) {
                continue;
            }
            dates.sort(null);
            int burst = 0;
            for (int i = 0, j = 0; i < dates.size(); i++) {
                while (dates.get(j).plusDays(30).isBefore(dates.get(i))) {
                    j++;
                }
                burst = Math.max(burst, i - j + 1);
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("applicant", filings.get(0).applicant().name());
            evidence.put("filings", filings.size());
            evidence.put("distinctMarks", marks.size());
            evidence.put("classes", new ArrayList<>(classes));
            evidence.put("firstFiling", dates.isEmpty() ? null : dates.get(0).toString());
            evidence.put("lastFiling", dates.isEmpty() ? null : dates.get(dates.size() - 1).toString());
            evidence.put("mostFilingsIn30Days", burst);
            evidence.put("similarToOthersMarks", squats.getOrDefault(e.getKey(), 0));
            evidence.put("sampleMarks", marks.stream().limit(10).toList());
            double score = Math.min(1, 0.5 + marks.size() / 200.0 + classes.size() / 90.0
                    + 0.1 * Math.min(1, squats.getOrDefault(e.getKey(), 0)));
            List<String> subjects = filings.stream().map(TrademarkRecord::applicationNo).sorted().toList();
            out.add(new Finding(Rule.T_MASS, subjects, score, evidence));
        }
        return out;
    }
}
