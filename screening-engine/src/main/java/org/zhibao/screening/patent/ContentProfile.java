package org.zhibao.screening.patent;

import java.util.ArrayList;
import java.util.List;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Shingler;

/**
 * The content of an application as compared for P1: title, abstract and claims folded (see
 * {@link ChineseText#content}) and joined, with where each field starts, and its sampled shingles.
 */
public record ContentProfile(String text, int[] fieldStarts, List<ChineseText.Content> fields, int[] shingles) {

    public static ContentProfile of(PatentRecord r, Shingler shingler) {
        List<ChineseText.Content> fields = new ArrayList<>(3);
        StringBuilder all = new StringBuilder();
        int[] starts = new int[3];
        int f = 0;
        for (String t : r.texts()) {
            ChineseText.Content c = ChineseText.content(t);
            starts[f++] = all.length();
            fields.add(c);
            all.append(c.text());
        }
        String text = all.toString();
        return new ContentProfile(text, starts, fields, shingler.shingles(text));
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
