package org.zhibao.screening.patent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Shingler;

/**
 * The content of an application as compared for P1: title, abstract and claims folded (see
 * {@link ChineseText#content}) and joined, with where each field starts, and its sampled shingles. Shingles do
 * not span fields or clauses (text between punctuation marks), so that reordered, dropped or inserted clauses
 * leave the shingles of the others as they were.
 */
public record ContentProfile(String text, int[] fieldStarts, List<ChineseText.Content> fields, int[] shingles) {

    public static ContentProfile of(PatentRecord r, Shingler shingler) {
        List<ChineseText.Content> fields = new ArrayList<>(3);
        StringBuilder all = new StringBuilder();
        int[] starts = new int[3];
        int[] clauses = new int[16];
        int clauseCount = 0;
        int f = 0;
        for (String t : r.texts()) {
            ChineseText.Content c = ChineseText.content(t);
            starts[f++] = all.length();
            int[] at = c.offsets();
            for (int i = 0; i < at.length; i++) {
                if (i == 0 || clauseBreak(t, at[i - 1] + 1, at[i])) {
                    if (clauseCount == clauses.length) {
                        clauses = Arrays.copyOf(clauses, clauseCount * 2);
                    }
                    clauses[clauseCount++] = all.length() + i;
                }
            }
            fields.add(c);
            all.append(c.text());
        }
        String text = all.toString();
        return new ContentProfile(text, starts, fields, shingler.shingles(text, Arrays.copyOf(clauses, clauseCount)));
    }

    /** Whether the original characters between two kept content characters hold a punctuation mark. */
    private static boolean clauseBreak(String original, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (Character.getType(ChineseText.fold(original.charAt(i)))) {
                case Character.OTHER_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                     Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                     Character.DASH_PUNCTUATION, Character.CONNECTOR_PUNCTUATION -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Index of the field holding a content position. */
    public int fieldOf(int position) {
        int f = 0;
        while (f + 1 < fieldStarts.length && fieldStarts[f + 1] <= position) {
            f++;
        }
        return f;
    }
}
