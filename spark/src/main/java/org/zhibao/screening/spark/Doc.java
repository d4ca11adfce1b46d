package org.zhibao.screening.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.zhibao.screening.Applicant;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Shingler;
import org.zhibao.screening.patent.ContactKeys;
import org.zhibao.screening.patent.ContentProfile;
import org.zhibao.screening.patent.GeneratedTextRule;
import org.zhibao.screening.patent.SplitFilingRule;

/**
 * What the job keeps of one application after the first pass, as the engine's profile does: the sampled shingles,
 * the language measures and the contacts (the texts are read again only for flagged applications). A plain
 * serializable class because the engine's records are not {@link Serializable}. {@code id} is the input line
 * index, so ordering by it is the engine's input order.
 */
final class Doc implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One per executor JVM: the shingler and the reference language model are built once, never shipped. */
    static final class Engine {
        static final Shingler SHINGLER = Shingler.standard();
        static final GeneratedTextRule LANGUAGE = GeneratedTextRule.reference();

        private Engine() {
        }
    }

    long id;
    String bad;
    String applicationNo;
    int[] shingles;
    /** crossEntropy, unigramEntropy, contextGain, danglingReferences, length */
    double[] measures;
    /** Per applicant with an identity: identity, name, address, credit code. */
    String[][] applicants;
    String agencyKey;
    String phone;
    String phoneKey;
    String email;
    String emailKey;

    /** Null for a blank line (skipped silently, as the engine does); a doc with {@link #bad} set for a bad one. */
    static Doc parse(String line, long index) {
        if (line.isBlank()) {
            return null;
        }
        Doc d = new Doc();
        d.id = index;
        try {
            PatentRecord r = Jsonl.parsePatent(line);
            d.applicationNo = r.applicationNo();
            ContentProfile content = ContentProfile.of(r, Engine.SHINGLER);
            d.shingles = content.shingles();
            GeneratedTextRule.TextMeasures m = Engine.LANGUAGE.measure(content);
            d.measures = new double[] {m.crossEntropy(), m.unigramEntropy(), m.contextGain(), m.danglingReferences(), m.length(),
                m.modelText() ? 1 : 0};
            List<String[]> applicants = new ArrayList<>();
            for (Applicant a : r.applicants()) {
                String identity = a.identity();
                if (!identity.isEmpty()) {
                    applicants.add(new String[] {identity, a.name(), a.address(), a.creditCode()});
                }
            }
            d.applicants = applicants.toArray(new String[0][]);
            d.agencyKey = SplitFilingRule.agencyKey(r.agency());
            d.phone = r.contactPhone();
            d.phoneKey = ContactKeys.phone(r.contactPhone());
            d.email = r.contactEmail();
            d.emailKey = ContactKeys.email(r.contactEmail());
        } catch (RuntimeException e) {
            d.bad = String.valueOf(e.getMessage());
        }
        return d;
    }

    GeneratedTextRule.TextMeasures textMeasures() {
        return measures(measures);
    }

    /** The measures as {@link #measures} holds them: five values and 1 for a text the model learnt from. */
    static GeneratedTextRule.TextMeasures measures(double[] m) {
        return new GeneratedTextRule.TextMeasures(m[0], m[1], m[2], m[3], (int) m[4], m[5] == 1);
    }
}
