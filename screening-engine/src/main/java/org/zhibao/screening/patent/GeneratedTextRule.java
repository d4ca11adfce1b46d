package org.zhibao.screening.patent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.Finding;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.RealPatents;
import org.zhibao.screening.Rule;

/**
 * P4_GENERATED: text that looks like patent language locally but was put together at random. Measured with a
 * character trigram model of real patent abstracts: how much the preceding two characters help predict the
 * next one (context gain — high in written language, low when words are thrown together). The share of
 * "所述 X" that refer to an X never introduced before is reported as evidence. A text is flagged when
 * it is an outlier of the screened corpus on these measures (robust z-score, median and MAD, among filings of
 * its length and vocabulary: see {@link CorpusNorm}), so that a corpus of another technical field is judged against itself
 * rather than against computing patents.
 */
public final class GeneratedTextRule {

    /** The modified z-score (0.6745 (median - x) / MAD) beyond which Iglewicz and Hoaglin call a value an outlier. */
    public static final double Z_LIMIT = 3.5;
    static final int MAX_CHARS = 800;
    private static final String REFERENCE = "\u6240\u8ff0";
    private static final double L3 = 0.6;
    private static final double L2 = 0.3;
    private static final double L1 = 0.1;

    private final LongCounter trigrams = new LongCounter(1 << 20);
    private final LongCounter bigrams = new LongCounter(1 << 19);
    private final int[] unigrams = new int[65536];
    private final float[] unigramBits = new float[65536];
    private final float[] unseenBits = new float[65536];
    /** Marks a bigram key in the packed table: trigram keys use 48 bits, so bit 48 is free. */
    private static final long BIGRAM = 1L << 48;
    private PackedBits packed;
    /** Weight of the document's own trigram counts once its context has occurred in the document. */
    static final double CACHE_WEIGHT = 0.3;
    private static final long CONTEXT = 1L << 48;
    private static final ThreadLocal<DocumentCache> CACHE = ThreadLocal.withInitial(DocumentCache::new);
    private long total;
    private int vocabulary;
    /** 64-bit keys of the folded abstracts the model learnt from, sorted (see {@link TextMeasures#modelText}). */
    private long[] learntAbstracts = new long[0];

    private static volatile GeneratedTextRule reference;

    /**
     * The model trained on the odd-numbered half of the real abstracts shipped with the engine; the generator
     * draws its real background from the other half, so that evaluation never scores the model's own text.
     */
    public static GeneratedTextRule reference() {
        GeneratedTextRule r = reference;
        if (r == null) {
            synchronized (GeneratedTextRule.class) {
                if (reference == null) {
                    GeneratedTextRule m = new GeneratedTextRule();
                    List<RealPatents.RealPatent> real = RealPatents.load();
                    long[] learnt = new long[(real.size()) / 2];
                    for (int i = 1; i < real.size(); i += 2) {
                        m.train(real.get(i).title() + real.get(i).abstractText());
                        learnt[i / 2] = TextKey.of(ChineseText.content(real.get(i).abstractText()).text());
                    }
                    Arrays.sort(learnt);
                    m.learntAbstracts = learnt;
                    m.finish();
                    reference = m;
                }
                r = reference;
            }
        }
        return r;
    }

    void train(String text) {
        String c = ChineseText.content(text).text();
        for (int i = 0; i < c.length(); i++) {
            char x = c.charAt(i);
            unigrams[x]++;
            total++;
            if (i >= 1) {
                bigrams.increment(((long) c.charAt(i - 1) << 16) | x);
            }
            if (i >= 2) {
                trigrams.increment(((long) c.charAt(i - 2) << 32) | ((long) c.charAt(i - 1) << 16) | x);
            }
        }
    }

    void finish() {
        vocabulary = (int) Arrays.stream(unigrams).filter(v -> v > 0).count() + 1;
        packed = new PackedBits(trigrams.size() + bigrams.size());
        trigrams.forEach((abc, count) -> packed.put(abc, bits((char) (abc >>> 32), (char) (abc >>> 16), (char) abc)));
        // a trigram never seen gets no help from its context (p3 = 0): its cost depends on b and c only
        bigrams.forEach((bc, count) -> packed.put(BIGRAM | bc, -log2(L2 * count / unigrams[(int) (bc >>> 16)]
                + L1 * unigram((char) bc))));
        for (int c = 0; c < 65536; c++) {
            unigramBits[c] = (float) -log2(unigram((char) c));
            unseenBits[c] = (float) -log2(L1 * unigram((char) c));
        }
    }

    /**
     * The cost in bits of c after a, b: one probe of a packed table for a seen trigram, a second for a seen
     * bigram, else the unigram. Equal to {@link #bits} up to 1/1024 bit; the per-character lookups of the
     * three count tables were most of the read stage (cache misses on 48 MB), this is one 8-byte word each.
     */
    private double cost(char a, char b, char c) {
        long bc = ((long) b << 16) | c;
        double v = packed.get(((long) a << 32) | bc);
        if (v >= 0) {
            return v;
        }
        v = packed.get(BIGRAM | bc);
        return v >= 0 ? v : unseenBits[c];
    }

    /** 2^(-i/1024) for i in 0..1023: the packed costs are whole multiples of 1/1024 bit. */
    private static final double[] EXP2_FRACTION = new double[1024];
    /** 2^-i for the whole bits of a packed cost (under 32: its {@code VALUE_BITS} hold 1/1024ths up to 32767). */
    private static final double[] EXP2_WHOLE = new double[32];

    static {
        for (int i = 0; i < 1024; i++) {
            EXP2_FRACTION[i] = Math.pow(2, -i / 1024.0);
        }
        for (int i = 0; i < 32; i++) {
            EXP2_WHOLE[i] = Math.scalb(1.0, -i);
        }
    }

    /** 2^-bits: by table for a packed cost (two exact factors, the same double as a scalb), else computed. */
    static double probability(double bits) {
        double scaled = bits * 1024;
        int q = (int) scaled;
        if (q == scaled && q < 32 * 1024) {
            return EXP2_FRACTION[q & 1023] * EXP2_WHOLE[q >> 10];
        }
        return Math.pow(2, -bits);
    }

    /**
     * The measures of one application's abstract and claims.
     *
     * @param modelText the abstract is one the model learnt from: the model has its every trigram, so the text
     *                  reads as fluent as no unseen text does, and it says nothing of how the corpus's genuine
     *                  filings read; such texts are left out of the corpus norm ({@link CorpusNorm#of}). A corpus
     *                  mixing the shipped abstracts in whole would otherwise hold a second, far more fluent
     *                  population that widens the norm's spread.
     */
    public record TextMeasures(double crossEntropy, double unigramEntropy, double contextGain, double danglingReferences,
                               int length, boolean modelText) {

        /** Measures of a text the model did not learn from. */
        public TextMeasures(double crossEntropy, double unigramEntropy, double contextGain, double danglingReferences,
                            int length) {
            this(crossEntropy, unigramEntropy, contextGain, danglingReferences, length, false);
        }
    }

    /**
     * The measures of an application's abstract and claims, from its folded content (as P1 compares it): the text
     * from the abstract's start on, and whether the abstract is one the model learnt from.
     */
    public TextMeasures measure(ContentProfile profile) {
        String text = profile.text();
        int[] starts = profile.fieldStarts();
        TextMeasures m = measureContent(text.substring(starts[1]));
        if (Arrays.binarySearch(learntAbstracts, TextKey.of(text.substring(starts[1], starts[2]))) >= 0) {
            return new TextMeasures(m.crossEntropy(), m.unigramEntropy(), m.contextGain(), m.danglingReferences(),
                    m.length(), true);
        }
        return m;
    }

    /** The measures of an application's abstract and claims, as {@link #measure(ContentProfile)} takes them. */
    public TextMeasures measure(PatentRecord r) {
        return measure(ContentProfile.of(r, org.zhibao.screening.Shingler.standard()));
    }

    public TextMeasures measure(String text) {
        return measureContent(ChineseText.content(text).text());
    }

    /**
     * The measures of text already reduced to content ({@link ChineseText#content}); content drops
     * punctuation, so the content of abstract and claims joined is the join of their contents.
     *
     * <p>The model is a cache language model (Kuhn and De Mori 1990): the static trigram model of real
     * abstracts interpolated with the trigram counts of the text read so far, weight {@link #CACHE_WEIGHT}
     * once the two-character context has occurred earlier in the text. Genuine text names its subject again
     * and again, so its own earlier words predict it even when its field is foreign to the static model;
     * text thrown together from fragments has no such memory. Without the cache, genuine filings of
     * fields the model has not seen look as unpredictable as word salad.
     */
    public TextMeasures measureContent(String content) {
        String c = content.length() > MAX_CHARS ? content.substring(0, MAX_CHARS) : content;
        DocumentCache cache = CACHE.get();
        cache.clear();
        double h3 = 0;
        double h1 = 0;
        int n = 0;
        // the interpolated probabilities are multiplied, their logarithm taken once at the end (the product's
        // binary exponent kept apart so that it never underflows): a logarithm and a power per character
        // were a third of the read stage
        double product = 1;
        long exponent = 0;
        for (int i = 2; i < c.length(); i++) {
            char a = c.charAt(i - 2);
            char b = c.charAt(i - 1);
            char x = c.charAt(i);
            double bits = cost(a, b, x);
            long ab = ((long) a << 16) | b;
            long abx = (ab << 16) | x;
            // counts before this character, one probe each
            int context = cache.getAndIncrement(CONTEXT | ab);
            int seen = cache.getAndIncrement(abx);
            if (context > 0) {
                double pCache = (double) seen / context;
                product *= (1 - CACHE_WEIGHT) * probability(bits) + CACHE_WEIGHT * pCache;
                if (product < 0x1p-512) {
                    int e = Math.getExponent(product);
                    exponent += e;
                    product = Math.scalb(product, -e);
                }
            } else {
                h3 += bits;
            }
            h1 += unigramBits[x];
            n++;
        }
        if (n == 0) {
            return new TextMeasures(0, 0, 1, 0, c.length());
        }
        h3 -= log2(product) + exponent;
        h3 /= n;
        h1 /= n;
        return new TextMeasures(h3, h1, 1 - h3 / h1, dangling(c), c.length());
    }

    /** Share of "所述 X" whose X (two characters) does not occur earlier in the text; 0 with fewer than 3. */
    static double dangling(String c) {
        int uses = 0;
        int dangling = 0;
        int at = c.indexOf(REFERENCE);
        while (at >= 0 && at + 4 <= c.length()) {
            String term = c.substring(at + 2, at + 4);
            uses++;
            if (c.lastIndexOf(term, at - 1) < 0) {
                dangling++;
            }
            at = c.indexOf(REFERENCE, at + 2);
        }
        return uses < 3 ? 0 : (double) dangling / uses;
    }

    private double bits(char a, char b, char c) {
        long ab = ((long) a << 16) | b;
        long bc = ((long) b << 16) | c;
        int cab = bigrams.get(ab);
        double p3 = cab == 0 ? 0 : (double) trigrams.get(((long) a << 32) | bc) / cab;
        int cb = unigrams[b];
        double p2 = cb == 0 ? 0 : (double) bigrams.get(bc) / cb;
        double p = L3 * p3 + L2 * p2 + L1 * unigram(c);
        return -log2(p);
    }

    private double unigram(char c) {
        return (unigrams[c] + 1.0) / (total + vocabulary);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * Decides over a whole corpus: flags texts whose context gain is a low outlier or whose dangling
     * references are a high outlier. The median and MAD of the corpus are in the evidence.
     */
    public List<Finding> decide(List<String> applicationNos, List<TextMeasures> measures) {
        CorpusNorm norm = CorpusNorm.of(measures);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            Finding f = decide(applicationNos.get(i), measures.get(i), norm);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    public Finding decide(String applicationNo, TextMeasures m, CorpusNorm norm) {
        if (m.length() < 60) {
            return null;
        }
        double z = norm.z(m);
        if (z < Z_LIMIT) {
            return null;
        }
        double expected = norm.expectedGain(m.length(), m.unigramEntropy());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("contextGain", round(m.contextGain()));
        evidence.put("corpusMedianContextGain", round(norm.gainMedian()));
        evidence.put("expectedContextGain", round(expected));
        evidence.put("crossEntropyBitsPerChar", round(m.crossEntropy()));
        evidence.put("unigramEntropyBitsPerChar", round(m.unigramEntropy()));
        evidence.put("danglingReferences", round(m.danglingReferences()));
        evidence.put("corpusMedianDanglingReferences", round(norm.danglingMedian()));
        evidence.put("zScore", round(z));
        if (norm.zCounts().length > 0) {
            Map<String, Object> histogram = new LinkedHashMap<>();
            histogram.put("from", CorpusNorm.Z_FROM);
            histogram.put("width", CorpusNorm.Z_BIN);
            histogram.put("counts", Arrays.stream(norm.zCounts()).boxed().toList());
            histogram.put("limit", Z_LIMIT);
            evidence.put("corpusZScores", histogram);
        }
        double score = 1 - Math.exp(-(z - Z_LIMIT / 2));
        return new Finding(Rule.P4_GENERATED, List.of(applicationNo), score, evidence);
    }

    /** The sentences the model finds least like patent language, with their field and positions. */
    public List<Map<String, Object>> worstPassages(PatentRecord r, int count) {
        List<Map<String, Object>> sentences = new ArrayList<>();
        String[] fields = {"abstract", "claims"};
        String[] texts = {r.abstractText(), r.claims()};
        for (int f = 0; f < 2; f++) {
            String t = texts[f];
            int start = 0;
            for (int i = 0; i <= t.length(); i++) {
                if (i == t.length() || "\u3002\uff1b;\uff0c,\n".indexOf(t.charAt(i)) >= 0) {
                    if (i - start >= 8) {
                        TextMeasures m = measure(t.substring(start, i));
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("field", fields[f]);
                        s.put("start", start);
                        s.put("end", i);
                        s.put("text", t.substring(start, i));
                        s.put("contextGain", round(m.contextGain()));
                        sentences.add(s);
                    }
                    start = i + 1;
                }
            }
        }
        sentences.sort((a, b) -> Double.compare((double) a.get("contextGain"), (double) b.get("contextGain")));
        return sentences.subList(0, Math.min(count, sentences.size()));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Counts of one document's n-grams (at most {@link #MAX_CHARS} of them), reused by a thread. */
    static final class DocumentCache {
        private final long[] keys = new long[4096];
        private final int[] values = new int[4096];
        private final int[] used = new int[4096];
        private int usedCount;

        void clear() {
            for (int k = 0; k < usedCount; k++) {
                keys[used[k]] = 0;
                values[used[k]] = 0;
            }
            usedCount = 0;
        }

        /** The count of a key before this call, which adds one. */
        int getAndIncrement(long key) {
            long k = key + 1;
            int i = PackedBits.spread(key) & 4095;
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & 4095;
            }
            if (keys[i] == 0) {
                keys[i] = k;
                used[usedCount++] = i;
            }
            return values[i]++;
        }
    }

    /**
     * Open-addressing map from a 49-bit n-gram key to a cost in bits, key and value packed in one long (key in
     * the high bits, the cost in 1/1024 bit in the low 15, up to 32 bits), so that a lookup touches one cache line.
     */
    static final class PackedBits {
        private static final int VALUE_BITS = 15;
        private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;
        private final long[] slots;
        private final int mask;

        PackedBits(int entries) {
            int cap = Integer.highestOneBit(Math.max(16, entries * 2)) << 1;
            slots = new long[cap];
            mask = cap - 1;
        }

        void put(long key, double bits) {
            long value = Math.min(VALUE_MASK, Math.round(bits * 1024));
            long word = ((key + 1) << VALUE_BITS) | value;
            int i = spread(key) & mask;
            while (slots[i] != 0 && (slots[i] >>> VALUE_BITS) != key + 1) {
                i = (i + 1) & mask;
            }
            slots[i] = word;
        }

        /** The cost of a key, or -1 when the key was never seen. */
        double get(long key) {
            long k = key + 1;
            int i = spread(key) & mask;
            while (true) {
                long w = slots[i];
                if (w == 0) {
                    return -1;
                }
                if ((w >>> VALUE_BITS) == k) {
                    return (w & VALUE_MASK) / 1024.0;
                }
                i = (i + 1) & mask;
            }
        }

        static int spread(long k) {
            k *= 0x9E3779B97F4A7C15L;
            return (int) (k ^ (k >>> 29));
        }
    }

    /**
     * What the corpus says a text's context gain should be, and how far from it genuine texts stray: a robust
     * linear model of the gain over the corpus's own texts, and the scale (MAD / 0.6745, floored) of the
     * differences from it; the median and scale of dangling references.
     *
     * <p>The gain depends on two things besides whether the text was written by a person. Length: the cache model's
     * gain grows with the length of the text (the longer it is, the more of it its own earlier words predict; in
     * 20,000 generated filings the median gain z of genuine ones fell from +0.24 at 200-300 characters to −1.29 at
     * 700-900), so that a long text thrown together from fragments scored like a short genuine one. Vocabulary: a
     * text written in characters the reference model rarely saw (another field's terms: irrigation, drilling,
     * chemistry among the computing abstracts) gets little help from its contexts, because those contexts were
     * seen a few times or never; its gain is low although a person wrote it. The unigram entropy (mean bits per
     * character under the model's character frequencies) measures that, and salad cut from ordinary text keeps
     * ordinary characters. Judged against length alone, such texts were all the false alarms at 5,000 generated
     * filings (eight seeds: 49, real abstracts of unusual vocabulary and planted copies made of them, unigram
     * entropy 9.0-10.4 bits against the corpus's 8.7, gain 0.32-0.39 against its 0.50).
     *
     * <p>So the expected gain is a least-absolute-deviations fit (a median regression, robust to the salad it is
     * meant to find) of the gain on ln(length), its square and the unigram entropy, both centred on their medians;
     * a text's covariates are held within the 0.1 and 99.9 percentiles of the corpus's before the model is applied,
     * so that no text is judged where the corpus has no texts like it (a string of random characters, unigram
     * entropy 14 bits against the corpus's 8.2-9.5, is judged as the corpus's most unusual vocabulary is, not by a
     * line extended to where its gain would be expected near zero). The fit needs no bins: it replaced medians of
     * length bins of 2,000 texts, which a corpus under 4,000 filings did not have (at 5,000, eight seeds, P4
     * precision 0.884 → 0.99 with the same recall). A batch of under {@value #MIN_FIT} texts keeps its median at
     * every length and vocabulary.
     *
     * <p>Texts the model learnt from ({@link TextMeasures#modelText}) are left out of the fit, the medians and the
     * scale: a corpus holding the shipped abstracts whole holds the model's half too, a second population far
     * more fluent to it (gain 0.60-0.71 against 0.33-0.58 for abstracts it never saw), which put the median
     * between the two and doubled the spread: on 4,592 real abstracts with 100 salads of the same length
     * nothing was found; with the model's half left out, 72 (none falsely). At 5,000 generated filings with half
     * their real abstracts replaced by the model's (seeds 31-34), P4 recall 0.966 → 0.989.
     *
     * @param gainMedian the corpus's median gain (shown as evidence)
     * @param coefficients the fit: intercept, then the factors of (ln length − lengthCentre), its square and
     *                     (unigram entropy − entropyCentre)
     * @param lengthRange ln(length) at the corpus's 0.1 and 99.9 percentiles: the covariate is held within them
     * @param entropyRange the unigram entropy at the same percentiles
     * @param zCounts how many of the corpus's measured texts have each z-score, in bins of {@link #Z_BIN} from
     *                {@link #Z_FROM} (those beyond counted in the end bins): where a flagged text stands among all,
     *                shown with its evidence
     */
    public record CorpusNorm(double gainMedian, double gainScale, double danglingMedian, double danglingScale,
                             double[] coefficients, double lengthCentre, double[] lengthRange, double entropyCentre,
                             double[] entropyRange, int[] zCounts) implements java.io.Serializable {

        /** The z-score the first bin of {@link #zCounts} starts at, the width of a bin, and the number of bins. */
        public static final double Z_FROM = -5;
        public static final double Z_BIN = 0.5;
        public static final int Z_BINS = 30;

        /** Texts a batch needs for the gain to be modelled over length and vocabulary; fewer keep the median. */
        static final int MIN_FIT = 200;
        /** The fit uses at most this many texts, spread evenly over the corpus (every k-th). */
        static final int MAX_FIT = 200_000;
        /** Percentile (and its complement) the covariates are held within. */
        static final double HOLD_PERCENTILE = 0.1;

        /** A norm without covariates: the median gain holds at every length and vocabulary. */
        public CorpusNorm(double gainMedian, double gainScale, double danglingMedian, double danglingScale) {
            this(gainMedian, gainScale, danglingMedian, danglingScale, new double[] {gainMedian, 0, 0, 0}, 0,
                    new double[] {0, 0}, 0, new double[] {0, 0}, new int[0]);
        }

        /** The z-score of a text against this norm: how many spreads its gain lies under the one expected. */
        public double z(TextMeasures m) {
            return (expectedGain(m.length(), m.unigramEntropy()) - m.contextGain()) / gainScale;
        }

        /** This norm with the z-scores of the corpus's measured texts counted in {@link #zCounts}. */
        private CorpusNorm counting(List<TextMeasures> measures) {
            int[] counts = new int[Z_BINS];
            for (TextMeasures m : measures) {
                if (m.length() >= 60) {
                    counts[(int) Math.max(0, Math.min(Z_BINS - 1, Math.floor((z(m) - Z_FROM) / Z_BIN)))]++;
                }
            }
            return new CorpusNorm(gainMedian, gainScale, danglingMedian, danglingScale, coefficients, lengthCentre,
                    lengthRange, entropyCentre, entropyRange, counts);
        }

        /** The context gain the corpus's texts of this length and vocabulary have. */
        public double expectedGain(int length, double unigramEntropy) {
            return predict(coefficients, covariates(length, unigramEntropy));
        }

        /** The centred covariates of a text, held within the corpus's range: ln length, its square, entropy. */
        private double[] covariates(int length, double unigramEntropy) {
            double l = clamp(Math.log(Math.max(1, length)), lengthRange) - lengthCentre;
            double h = clamp(unigramEntropy, entropyRange) - entropyCentre;
            return new double[] {l, l * l, h};
        }

        private static double clamp(double v, double[] range) {
            return Math.max(range[0], Math.min(range[1], v));
        }

        public static CorpusNorm of(List<TextMeasures> measures) {
            return fitted(measures).counting(measures);
        }

        private static CorpusNorm fitted(List<TextMeasures> measures) {
            List<TextMeasures> measured = measures.stream().filter(m -> m.length() >= 60 && !m.modelText()).toList();
            if (measured.size() < 30) {
                return referenceNorm();
            }
            double[] gain = measured.stream().mapToDouble(TextMeasures::contextGain).toArray();
            double[] dangling = measured.stream().mapToDouble(TextMeasures::danglingReferences).toArray();
            double gm = median(gain);
            double dm = median(dangling);
            double danglingScale = Math.max(0.05, mad(dangling, dm) / 0.6745);
            if (measured.size() < MIN_FIT) {
                return new CorpusNorm(gm, Math.max(0.005, mad(gain, gm) / 0.6745), dm, danglingScale);
            }
            // the fit's texts: all, or every k-th of a large corpus
            int step = (measured.size() + MAX_FIT - 1) / MAX_FIT;
            List<TextMeasures> fit = new ArrayList<>();
            for (int i = 0; i < measured.size(); i += step) {
                fit.add(measured.get(i));
            }
            double[] lnLength = fit.stream().mapToDouble(m -> Math.log(m.length())).toArray();
            double[] entropy = fit.stream().mapToDouble(TextMeasures::unigramEntropy).toArray();
            double[] lengthRange = {percentile(lnLength, HOLD_PERCENTILE), percentile(lnLength, 100 - HOLD_PERCENTILE)};
            double[] entropyRange = {percentile(entropy, HOLD_PERCENTILE), percentile(entropy, 100 - HOLD_PERCENTILE)};
            CorpusNorm frame = new CorpusNorm(gm, 1, dm, danglingScale, new double[4], median(lnLength), lengthRange,
                    median(entropy), entropyRange, new int[0]);
            double[][] x = new double[fit.size()][];
            double[] y = new double[fit.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = frame.covariates(fit.get(i).length(), fit.get(i).unigramEntropy());
                y[i] = fit.get(i).contextGain();
            }
            double[] b = leastAbsoluteDeviations(x, y);
            double[] residual = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                residual[i] = y[i] - predict(b, x[i]);
            }
            return new CorpusNorm(gm, Math.max(0.005, mad(residual, median(residual)) / 0.6745), dm, danglingScale, b,
                    frame.lengthCentre(), lengthRange, frame.entropyCentre(), entropyRange, new int[0]);
        }

        /**
         * The coefficients (intercept first) minimising the sum of |y − b·(1, x)|, by iteratively reweighted least
         * squares (weights 1 / max(|residual|, 1e-4)) from the least-squares start, until no coefficient moves by
         * 1e-7 (at most 60 rounds). A covariate that does not vary gets a coefficient of 0 (a tiny ridge keeps the
         * system solvable).
         */
        static double[] leastAbsoluteDeviations(double[][] x, double[] y) {
            double[] w = new double[y.length];
            Arrays.fill(w, 1);
            double[] b = weightedLeastSquares(x, y, w);
            for (int round = 0; round < 60; round++) {
                for (int i = 0; i < y.length; i++) {
                    double r = y[i] - predict(b, x[i]);
                    w[i] = 1 / Math.max(Math.abs(r), 1e-4);
                }
                double[] next = weightedLeastSquares(x, y, w);
                double moved = 0;
                for (int k = 0; k < b.length; k++) {
                    moved = Math.max(moved, Math.abs(next[k] - b[k]));
                }
                b = next;
                if (moved < 1e-7) {
                    break;
                }
            }
            return b;
        }

        /** The fit's value at covariates x: intercept b[0], then b[k + 1] times x[k]. */
        private static double predict(double[] b, double[] x) {
            return b[0] + b[1] * x[0] + b[2] * x[1] + b[3] * x[2];
        }

        /** Solves the weighted normal equations for (1, x) by Gaussian elimination with partial pivoting. */
        private static double[] weightedLeastSquares(double[][] x, double[] y, double[] w) {
            int p = 4;
            double[][] a = new double[p][p + 1];
            double[] row = new double[p];
            for (int i = 0; i < y.length; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, p - 1);
                for (int j = 0; j < p; j++) {
                    for (int k = j; k < p; k++) {
                        a[j][k] += w[i] * row[j] * row[k];
                    }
                    a[j][p] += w[i] * row[j] * y[i];
                }
            }
            double trace = 0;
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < j; k++) {
                    a[j][k] = a[k][j];
                }
                trace += a[j][j];
            }
            for (int j = 0; j < p; j++) {
                a[j][j] += 1e-12 * trace;
            }
            for (int c = 0; c < p; c++) {
                int pivot = c;
                for (int r = c + 1; r < p; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                        pivot = r;
                    }
                }
                double[] t = a[c];
                a[c] = a[pivot];
                a[pivot] = t;
                for (int r = c + 1; r < p; r++) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
            double[] b = new double[p];
            for (int r = p - 1; r >= 0; r--) {
                double s = a[r][p];
                for (int k = r + 1; k < p; k++) {
                    s -= a[r][k] * b[k];
                }
                b[r] = s / a[r][r];
            }
            return b;
        }

        /** For a batch too small to have norms of its own: those of the real abstracts, measured once. */
        static CorpusNorm referenceNorm() {
            return new CorpusNorm(0.48, 0.045, 0.5, 0.3);
        }

        static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s.length == 0 ? 0 : s[s.length / 2];
        }

        /** The value at a percentile (0-100) of the values, the nearest rank below. */
        static double percentile(double[] v, double percent) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s[(int) Math.floor(percent / 100 * (s.length - 1))];
        }

        static double mad(double[] v, double median) {
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = Math.abs(v[i] - median);
            }
            return median(d);
        }
    }
}
