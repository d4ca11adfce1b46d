package org.zhibao.screening.patent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zhibao.screening.PatentRecord;

/**
 * The passages two applications share, as evidence: maximal common runs of content characters (at least
 * {@link #MIN_LENGTH}), each with its field and its start and end offsets in the original text of both.
 */
public final class SharedPassages {

    public static final int MIN_LENGTH = 8;

    private SharedPassages() {
    }

    /** Runs of b's content found in a, longest first, at most {@code limit}. */
    public static List<Map<String, Object>> between(PatentRecord a, ContentProfile pa, PatentRecord b,
                                                    ContentProfile pb, int limit) {
        List<int[]> runs = new ArrayList<>();
        for (int[] run : runs(pa.text(), pb.text())) {
            splitAtFields(run, pa, pb, runs);
        }
        runs.sort((x, y) -> Integer.compare(y[2], x[2]));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int[] run : runs.subList(0, Math.min(limit, runs.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("length", run[2]);
            m.put("text", original(a, pa, run[0], run[2]).get("text"));
            m.put(a.applicationNo(), position(a, pa, run[0], run[2]));
            m.put(b.applicationNo(), position(b, pb, run[1], run[2]));
            out.add(m);
        }
        return out;
    }

    /**
     * Cuts a run where it crosses from one field into the next in either text (a copy shares title, abstract and
     * claims in one run), so that each passage lies in one field of each and is shown whole; pieces shorter than
     * {@link #MIN_LENGTH} are dropped.
     */
    static void splitAtFields(int[] run, ContentProfile pa, ContentProfile pb, List<int[]> out) {
        int ia = run[0];
        int ib = run[1];
        int left = run[2];
        while (left > 0) {
            int step = Math.min(left, Math.min(fieldEnd(pa, ia) - ia, fieldEnd(pb, ib) - ib));
            if (step <= 0) {
                break;
            }
            if (step >= MIN_LENGTH) {
                out.add(new int[] {ia, ib, step});
            }
            ia += step;
            ib += step;
            left -= step;
        }
    }

    private static int fieldEnd(ContentProfile p, int position) {
        int f = p.fieldOf(position);
        return f + 1 < p.fieldStarts().length ? p.fieldStarts()[f + 1] : p.text().length();
    }

    /** Total content characters of a covered by runs shared with b. */
    public static int coveredLength(String a, String b) {
        return runs(a, b).stream().mapToInt(r -> r[2]).sum();
    }

    /** Greedy maximal matches: {start in a, start in b, length}, non-overlapping in a. */
    static List<int[]> runs(String a, String b) {
        Map<String, List<Integer>> seeds = new HashMap<>();
        for (int j = 0; j + MIN_LENGTH <= b.length(); j++) {
            seeds.computeIfAbsent(b.substring(j, j + MIN_LENGTH), k -> new ArrayList<>(1)).add(j);
        }
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i + MIN_LENGTH <= a.length()) {
            List<Integer> at = seeds.get(a.substring(i, i + MIN_LENGTH));
            if (at == null) {
                i++;
                continue;
            }
            int bestLen = 0;
            int bestJ = -1;
            for (int j : at) {
                int len = MIN_LENGTH;
                while (i + len < a.length() && j + len < b.length() && a.charAt(i + len) == b.charAt(j + len)) {
                    len++;
                }
                if (len > bestLen) {
                    bestLen = len;
                    bestJ = j;
                }
            }
            out.add(new int[] {i, bestJ, bestLen});
            i += bestLen;
        }
        return out;
    }

    private static Map<String, Object> position(PatentRecord r, ContentProfile p, int start, int length) {
        Map<String, Object> m = original(r, p, start, length);
        m.remove("text");
        return m;
    }

    /** Maps a content run back to its field and original offsets (clipped to the field it starts in). */
    static Map<String, Object> original(PatentRecord r, ContentProfile p, int start, int length) {
        int f = p.fieldOf(start);
        int local = start - p.fieldStarts()[f];
        var content = p.fields().get(f);
        int localEnd = Math.min(content.text().length(), local + length);
        int s = content.originalStart(local);
        int e = content.originalEnd(localEnd);
        String original = r.texts().get(f);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", PatentRecord.TEXT_FIELDS.get(f));
        m.put("start", s);
        m.put("end", e);
        m.put("text", original.substring(s, e));
        return m;
    }
}
