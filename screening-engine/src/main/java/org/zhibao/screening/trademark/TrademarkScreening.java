package org.zhibao.screening.trademark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.zhibao.screening.BadLine;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.KnownMark;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.TrademarkRecord;

/** Runs T_SQUAT and T_MASS over trademark applications against known marks. */
public final class TrademarkScreening {

    private final Progress progress;

    public TrademarkScreening(Progress progress) {
        this.progress = progress;
    }

    public List<Finding> screen(Path input, Path known, Consumer<BadLine> bad) {
        KnownMarkIndex index = new KnownMarkIndex();
        progress.report("index known marks", 0);
        long[] n = {0};
        Jsonl.read(known, Jsonl::parseKnownMark, (KnownMark k) -> {
            index.add(k);
            progress.report("index known marks", ++n[0]);
        }, b -> bad.accept(new BadLine(b.lineNumber(), "known marks: " + b.reason(), BadLine.Kind.KNOWN_MARKS, null,
                b.field())));
        List<TrademarkRecord> filings = new ArrayList<>();
        progress.report("read filings", 0);
        Jsonl.read(input, Jsonl::parseTrademark, (TrademarkRecord r) -> {
            filings.add(r);
            progress.report("read filings", filings.size());
        }, bad);
        return screen(filings, index);
    }

    /** Screens filings already read against an index already built. */
    public static List<Finding> screen(List<TrademarkRecord> filings, KnownMarkIndex index) {
        List<Finding> out = new ArrayList<>();
        MassFilingRule mass = new MassFilingRule();
        for (TrademarkRecord r : filings) {
            Finding squat = SquatRule.check(r, index);
            if (squat != null) {
                out.add(squat);
            }
            mass.add(r, squat != null);
        }
        out.addAll(mass.findings());
        out.sort(Comparator.comparing((Finding f) -> f.rule().ordinal()).thenComparing(f -> f.subjects().get(0)));
        return out;
    }

    /** T_SQUAT on its own: one filing against the index. */
    public static final class SquatRule {

        private SquatRule() {
        }

        public static Finding check(TrademarkRecord r, KnownMarkIndex index) {
            KnownMarkIndex.Match m = index.lookup(r.mark(), r.applicant().name(), r.niceClasses());
            if (m == null) {
                return null;
            }
            var evidence = KnownMarkIndex.evidence(m);
            evidence.put("mark", r.mark());
            evidence.put("applicant", r.applicant().name());
            evidence.put("classes", r.niceClasses());
            double score = switch (m.similarity()) {
                case IDENTICAL -> 1.0;
                case MEANING -> 0.9;
                case SHAPE -> 0.8;
                case SOUND -> 0.75;
            };
            return new Finding(Rule.T_SQUAT, List.of(r.applicationNo()), score, evidence);
        }
    }
}
