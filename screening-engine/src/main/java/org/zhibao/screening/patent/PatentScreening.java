package org.zhibao.screening.patent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.zhibao.screening.BadLine;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.LineFile;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.Shingler;
import org.zhibao.screening.UnionFind;

/**
 * Runs every patent rule over a JSON-lines file: P1_DUPLICATE, P1_COMBINATION, P4_GENERATED, P6_SPLIT.
 *
 * <p>How P1 stays fast and precise on boilerplate-heavy text: each application's content is cut into sampled
 * 3-character shingles that do not span clauses; shingles are weighted by inverse document frequency (ln N/df),
 * so boilerplate that every filing shares ("根据权利要求1所述的") weighs almost nothing. Candidate pairs come from
 * shingles shared by at most {@link #RARE_DF} applications (or an application's {@link #SKETCH} least frequent
 * ones), and from banded weighted MinHash ({@link MinHashBands}), which finds copies of template-made filings
 * that hold no rare shingle in a large corpus of one field. Every candidate is verified on the weighted shingle
 * sets and decided by {@link DuplicateDecision} and {@link CombinationCover}. Groups are the connected components
 * of the verified duplicate pairs (union-find).
 */
public final class PatentScreening {

    /** Shingles in more applications than this do not propose candidates (they still weigh in verification). */
    public static final int RARE_DF = 100;
    /** An application with fewer rare shingles than this probes with this many of its least frequent ones. */
    public static final int SKETCH = 48;
    /** A shingle more applications probe with than this proposes no candidates (it is distinctive of none). */
    public static final int MAX_POSTING = 200;
    /** Shingles an application explained only in part probes with in the targeted search for the rest. */
    public static final int REST_PROBES = 48;
    /**
     * The targeted search does not look up shingles more frequent than this (the phrases of the field that make
     * a part taken from a source are held by hundreds to thousands).
     */
    public static final int REST_MAX_DF = 10000;
    /**
     * Holders the targeted search visits per application at most (least frequent shingles first): bounds its work
     * whatever the corpus size; it binds only where the uncovered shingles are common (a million of one field).
     */
    public static final int REST_BUDGET = 15000;
    /**
     * An application its found sources cover this far is not searched for the source of its rest (a copy, or a
     * copy with a part of another whose source the first search found); below it, one with two sources covering
     * {@link CombinationCover#COVERAGE} is a combination already.
     */
    public static final double REST_SEARCHED_BELOW = 0.8;
    /**
     * Of the holders of enough probes of a rest, this many sharing the most are verified. At 1,000,000 filings a
     * rest's probes are few (their holders fill the budget) and many filings of the field hold as many of them as
     * its source: with 32, the source of 156 missed combinations was no candidate; 64 found 11 more of them.
     */
    public static final int REST_VERIFIED = 64;
    /**
     * Rounds of the targeted search: the second searches again the applications a new pair may explain further
     * (the third source of a combination of three, whose rest only shows once the second source is found).
     */
    public static final int REST_ROUNDS = 2;
    /**
     * Lines a reading task profiles. 512 left a file of 500 applications to one thread (read 25 ms, 17 ms at 64, the
     * floor 5 ms); {@link #IN_FLIGHT} batches a thread are queued, the same 3,072 lines in flight as before.
     */
    static final int BATCH = 64;
    static final int IN_FLIGHT = 24;

    private final Progress progress;
    private final int threads;
    private final Shingler shingler = Shingler.standard();
    private final GeneratedTextRule language = GeneratedTextRule.reference();

    public PatentScreening(Progress progress, int threads) {
        this.progress = progress;
        this.threads = Math.max(1, threads);
    }

    public PatentScreening() {
        this(Progress.NONE, Runtime.getRuntime().availableProcessors());
    }

    /** Everything the rules keep of one application after the first pass (its text is read again if flagged). */
    record Profiled(PatentRecord contacts, int[] shingles, GeneratedTextRule.TextMeasures measures, long offset) {
    }

    /** Screens one file. */
    public List<Finding> screen(Path input, Consumer<BadLine> bad) {
        Corpus corpus = new Corpus();
        read(input, 0, corpus, bad, Set.of());
        return decide(corpus, List.of(input), 0, null);
    }

    /**
     * Screens a day's filings against the index of everything screened before and adds them to it. Findings are
     * those that involve at least one of the new filings.
     */
    public List<Finding> screenIncrementally(Path input, Path indexDir, Consumer<BadLine> bad) {
        return screenIncrementally(input, indexDir, bad, findings -> { });
    }

    /**
     * As {@link #screenIncrementally(Path, Path, Consumer)}, handing the findings to {@code deliver} (which writes
     * them) before the day is added to the index: a crash in between leaves the day out of the index, to be
     * screened again, never in the index without its findings.
     */
    public List<Finding> screenIncrementally(Path input, Path indexDir, Consumer<BadLine> bad,
                                             Consumer<List<Finding>> deliver) {
        return screenIncrementally(input, indexDir, bad, (findings, lines) -> deliver.accept(findings));
    }

    /**
     * As {@link #screenIncrementally(Path, Path, Consumer, Consumer)}; {@code deliver} is also given the input
     * line of every application the findings name, from the day's file or the index (valid during the call: an
     * application screened before may be named, whose own file is long gone). The index is locked for the run
     * (a file lock: runs on several machines sharing it take turns).
     */
    public List<Finding> screenIncrementally(Path input, Path indexDir, Consumer<BadLine> bad,
                                             java.util.function.BiConsumer<List<Finding>,
                                                     java.util.function.Function<String, String>> deliver) {
        try (PatentIndex index = PatentIndex.open(indexDir)) {
            Corpus corpus = new Corpus();
            FrozenRaces frozen = index.load(corpus, progress);
            int firstNew = corpus.size();
            // a day screened again (by mistake, or after its findings were written): its filings are not added twice
            Set<String> indexed = new java.util.HashSet<>(corpus.applicationNos);
            corpus.currentFile = 1;
            List<Profiled> fresh = new ArrayList<>();
            read(input, 1, new Corpus() {
                @Override
                void add(Profiled p) {
                    corpus.add(p);
                    fresh.add(p);
                }
            }, bad, indexed);
            FrozenRaces.Day day = new FrozenRaces.Day(frozen, firstNew, index.rests());
            List<Path> files = List.of(index.recordsFile(), input);
            List<Finding> findings = decide(corpus, files, firstNew, day);
            try (Evidence lines = new Evidence(corpus, files)) {
                deliver.accept(findings, lines::line);
            }
            index.append(input, fresh, day.update(), progress);
            return findings;
        }
    }

    /** The profiles of all applications, in input order, and which file each line came from. */
    static class Corpus {
        final List<String> applicationNos = new ArrayList<>();
        final List<int[]> shingles = new ArrayList<>();
        final List<GeneratedTextRule.TextMeasures> measures = new ArrayList<>();
        final List<long[]> locations = new ArrayList<>();
        final SplitFilingRule split = new SplitFilingRule();
        int currentFile;

        void add(Profiled p) {
            applicationNos.add(p.contacts().applicationNo());
            shingles.add(p.shingles());
            measures.add(p.measures());
            locations.add(new long[] {currentFile, p.offset()});
            split.add(p.contacts());
        }

        int size() {
            return applicationNos.size();
        }
    }

    /** Reads and profiles a file into the corpus; applications numbered as one in {@code skip} are reported, not added. */
    void read(Path input, int fileIndex, Corpus corpus, Consumer<BadLine> bad, Set<String> skip) {
        if (fileIndex == 0) {
            corpus.currentFile = 0;
        }
        progress.report("read", 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // the numbers read (in order, with their lines) and, by a 64-bit key of each, 1 + its place among them
        LongCounter first = new LongCounter(1024);
        List<String> readNos = new ArrayList<>();
        long[] readLines = new long[1024];
        try (LineFile lines = new LineFile(input)) {
            ArrayDeque<Future<List<Object>>> pending = new ArrayDeque<>();
            long done = 0;
            boolean more = true;
            while (more || !pending.isEmpty()) {
                while (more && pending.size() < threads * IN_FLIGHT) {
                    List<LineFile.Line> batch = new ArrayList<>(BATCH);
                    LineFile.Line line;
                    while (batch.size() < BATCH && (line = lines.next()) != null) {
                        batch.add(line);
                    }
                    if (batch.size() < BATCH) {
                        more = false;
                    }
                    if (!batch.isEmpty()) {
                        pending.add(pool.submit(() -> profile(batch, skip)));
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                for (Object o : pending.poll().get()) {
                    if (o instanceof Numbered numbered) {
                        long number = numbered.line();
                        Profiled p = numbered.profiled();
                        // an application number given twice in one file: its first line is screened (two lines of
                        // one filing would otherwise be found as copies of each other)
                        String no = p.contacts().applicationNo();
                        int at = first.putIfAbsent(applicationKey(no), readNos.size() + 1);
                        if (at > 0 && readNos.get(at - 1).equals(no)) {
                            bad.accept(new BadLine(number, "application " + no + " is on line "
                                    + readLines[at - 1] + " already (screened once)", BadLine.Kind.REPEATED, no));
                        } else {
                            if (readNos.size() == readLines.length) {
                                readLines = Arrays.copyOf(readLines, readLines.length * 2);
                            }
                            readLines[readNos.size()] = number;
                            readNos.add(no);
                            corpus.add(p);
                        }
                    } else {
                        bad.accept((BadLine) o);
                    }
                    done++;
                }
                progress.report("read", done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Object> profile(List<LineFile.Line> batch, Set<String> skip) {
        List<Object> out = new ArrayList<>(batch.size());
        for (LineFile.Line line : batch) {
            if (line.text().isBlank()) {
                continue;
            }
            try {
                PatentRecord r = Jsonl.parsePatent(line.text());
                if (skip.contains(r.applicationNo())) {
                    out.add(new BadLine(line.number(), "application " + r.applicationNo()
                            + " is in the index already (screened before)", BadLine.Kind.SCREENED_BEFORE,
                            r.applicationNo()));
                    continue;
                }
                out.add(new Numbered(line.number(), profile(r, line.offset())));
            } catch (RuntimeException e) {
                out.add(BadLine.unreadable(line.number(), e));
            }
        }
        return out;
    }

    /** A profiled application and the number of its line. */
    private record Numbered(long line, Profiled profiled) {
    }

    /** A 64-bit key of an application number (see {@link TextKey}). */
    static long applicationKey(String applicationNo) {
        return TextKey.of(applicationNo);
    }

    Profiled profile(PatentRecord r, long offset) {
        ContentProfile content = ContentProfile.of(r, shingler);
        int[] shingles = content.shingles();
        PatentRecord contacts = new PatentRecord(r.applicationNo(), r.kind(), r.filingDate(), null, null, null,
                null, r.applicants(), null, r.agency(), r.contactPhone(), r.contactEmail());
        // abstract and claims are already folded: measured without folding again
        return new Profiled(contacts, shingles, language.measure(content), offset);
    }

    /** A verified candidate pair: weighted Jaccard and how much of each the other covers. */
    record Pair(int a, int b, double similarity, double aCoveredByB, double bCoveredByA) {
    }

    /**
     * Screens the corpus; findings involve an application from {@code firstNew} on. {@code day}: an incremental
     * day's races (the applications before {@code firstNew} keep their band keys), null for a whole run.
     */
    List<Finding> decide(Corpus corpus, List<Path> files, int firstNew, FrozenRaces.Day day) {
        int n = corpus.size();
        progress.report("weigh", n);
        Weights weights = Weights.of(corpus.shingles, n, threads);
        if (day != null) {
            day.weigh(weights, n);
        }
        weights.forgetHashes();
        progress.report("candidates", 0);
        Bands bands = new Bands();
        if (day != null) {
            bands.rests = new java.util.concurrent.ConcurrentHashMap<>();
        }
        List<Pair> pairs = candidates(corpus, weights, firstNew, bands, day);
        progress.report("rest of partial copies", pairs.size());
        pairs = withSourcesOfTheRest(corpus, weights, pairs, firstNew, bands);
        if (day != null) {
            day.raced(bands.keys, bands.keyed);
            day.searchedRests(bands.rests);
            day.conclude(weights, n);
        }
        bands.keys = null;
        progress.report("decide", pairs.size());

        List<Finding> findings = new ArrayList<>();
        Evidence evidence = new Evidence(corpus, files);

        Map<Integer, List<Pair>> sourcesOf = new HashMap<>();
        for (Pair p : pairs) {
            if (CombinationCover.mayBeSource(p.aCoveredByB())) {
                sourcesOf.computeIfAbsent(p.a(), k -> new ArrayList<>()).add(p);
            }
            if (CombinationCover.mayBeSource(p.bCoveredByA())) {
                sourcesOf.computeIfAbsent(p.b(), k -> new ArrayList<>()).add(p);
            }
        }
        // the covers, the decisions and the evidence (which reads the texts back) run on all cores; the order of
        // the covers is the map's, as in one thread, and the findings are sorted at the end
        List<CombinationCover.Cover> covers = sourcesOf.entrySet().parallelStream()
                .filter(e -> e.getValue().size() >= 2 && mayBeCombination(e.getKey(), e.getValue()))
                .map(e -> cover(e.getKey(), e.getValue(), corpus, weights, Set.of()))
                .filter(Objects::nonNull)
                .toList();
        Map<Long, Set<Long>> exclusions = CombinationCover.mutualExclusions(covers);
        Map<Long, CombinationCover.Cover> decidedAgain = new HashMap<>();
        exclusions.entrySet().parallelStream()
                .map(e -> Map.entry(e.getKey(), Optional.ofNullable(
                        cover((int) (long) e.getKey(), sourcesOf.get((int) (long) e.getKey()), corpus, weights, e.getValue()))))
                .toList()
                .forEach(e -> decidedAgain.put(e.getKey(), e.getValue().orElse(null)));
        Map<Integer, Finding> combinations = new HashMap<>();
        List<CombinationCover.Cover> resolved = CombinationCover.resolved(covers, exclusions, decidedAgain);
        // every combination decides which pairs are no copies, reported or not (a day reports those it involves)
        Set<Integer> combined = new java.util.HashSet<>();
        resolved.forEach(cover -> combined.add((int) cover.target()));
        resolved.parallelStream()
                .filter(cover -> cover.target() >= firstNew || Arrays.stream(cover.sources()).anyMatch(s -> s >= firstNew))
                .map(cover -> {
                    List<Integer> chosen = new ArrayList<>();
                    List<Double> shares = new ArrayList<>();
                    for (int k = 0; k < cover.sources().length; k++) {
                        chosen.add((int) cover.sources()[k]);
                        shares.add(cover.shares()[k]);
                    }
                    int c = (int) cover.target();
                    return Map.entry(c, evidence.combination(c, chosen, shares, cover.coverage()));
                })
                .toList()
                .forEach(e -> combinations.put(e.getKey(), e.getValue()));

        UnionFind groups = new UnionFind(n);
        Map<Integer, List<Pair>> edges = new HashMap<>();
        for (Pair p : pairs) {
            if (DuplicateDecision.duplicate(p.aCoveredByB(), p.bCoveredByA(),
                    combined.contains(p.a()) || combined.contains(p.b()))) {
                groups.union(p.a(), p.b());
                edges.computeIfAbsent(p.a(), k -> new ArrayList<>()).add(p);
            }
        }
        findings.addAll(groups.groups().parallelStream()
                .filter(group -> group[group.length - 1] >= firstNew)
                .map(group -> evidence.duplicate(group, edges))
                .toList());
        findings.addAll(combinations.values());

        GeneratedTextRule.CorpusNorm norm = GeneratedTextRule.CorpusNorm.of(corpus.measures);
        findings.addAll(java.util.stream.IntStream.range(firstNew, n).parallel()
                .mapToObj(i -> {
                    Finding f = language.decide(corpus.applicationNos.get(i), corpus.measures.get(i), norm);
                    return f == null ? null : evidence.generated(i, f);
                })
                .filter(Objects::nonNull)
                .toList());

        for (Finding f : corpus.split.findings()) {
            if (firstNew == 0 || f.subjects().stream().anyMatch(s -> evidence.isNew(s, firstNew))) {
                findings.add(f);
            }
        }
        evidence.close();
        findings.sort(Comparator.comparing((Finding f) -> f.rule().ordinal()).thenComparing(f -> f.subjects().get(0)));
        progress.report("done", findings.size());
        return findings;
    }

    /**
     * Necessary conditions of {@link CombinationCover#of}, from the pairs' measures alone (most applications with
     * two partial matches fail them, and the cover would build their weighted sets): at least two sources that
     * qualify on their whole overlap, and overlaps that add up to the coverage.
     */
    static boolean mayBeCombination(int c, List<Pair> candidates) {
        int qualifying = 0;
        double sum = 0;
        for (Pair p : candidates) {
            double coversTarget = p.a() == c ? p.aCoveredByB() : p.bCoveredByA();
            double coversSource = p.a() == c ? p.bCoveredByA() : p.aCoveredByB();
            if (coversTarget >= CombinationCover.SOURCE_SHARE || (coversTarget >= CombinationCover.MINOR_SOURCE_SHARE
                    && coversSource >= CombinationCover.MINOR_SOURCE_OWN_SHARE)) {
                qualifying++;
                sum += coversTarget;
            }
        }
        // margins: the pair measures and the cover's sums may differ in the last bits
        return qualifying >= 2 && sum >= CombinationCover.COVERAGE - 1e-9;
    }

    private CombinationCover.Cover cover(int c, List<Pair> candidates, Corpus corpus, Weights w, Set<Long> excluded) {
        List<CombinationCover.Shingles> options = new ArrayList<>();
        for (Pair p : candidates) {
            options.add(shinglesOf(p.a() == c ? p.b() : p.a(), corpus, w));
        }
        return CombinationCover.of(shinglesOf(c, corpus, w), options, excluded);
    }

    /** An application's weighted shingles in the form {@link CombinationCover} decides on (ids as keys). */
    static CombinationCover.Shingles shinglesOf(int d, Corpus corpus, Weights w) {
        int[] ids = corpus.shingles.get(d);
        float[] weights = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            weights[i] = w.floatWeight(ids[i]);
        }
        return new CombinationCover.Shingles(d, ids, weights, w.total(d));
    }

    /** Every application's band keys (kept for the search of the rest) and which applications have keys. */
    static final class Bands {
        int[] keys;
        boolean[] keyed;
        /**
         * An incremental day's indexed applications whose pairs in the index were searched (null in a whole run):
         * a pair of the search for the rest with one of them is kept.
         */
        boolean[] involved;
        /**
         * An incremental day's searches for the rest (application → {rest band keys, rest probe hashes}), kept in
         * the index for later days (null in a whole run).
         */
        Map<Integer, int[][]> rests;
    }

    private List<Pair> candidates(Corpus corpus, Weights w, int firstNew, Bands bands, FrozenRaces.Day day) {
        int n = corpus.size();
        Postings postings = Postings.of(corpus.shingles, w, RARE_DF, SKETCH, MAX_POSTING);
        progress.report("minhash bands", 0);
        int[][] banded = bandNeighbours(corpus, w, firstNew, bands, day);
        int[] bandStart = banded[0];
        int[] bandNext = banded[1];
        progress.report("candidates", 0);
        List<Pair> all = onEveryThread((offset, mine) -> {
            int[] counts = new int[n];
            int[] touched = new int[n];
            Weights.Marked marked = new Weights.Marked(w);
            for (int d = offset; d < n; d += threads) {
                int minOther = d < firstNew ? Math.max(d + 1, firstNew) : d + 1;
                int touchedCount = 0;
                int[] probes = postings.probes(d);
                for (int id : probes) {
                    for (int k = postings.from(id, minOther); k < postings.end(id); k++) {
                        int e = postings.doc(k);
                        if (counts[e]++ == 0) {
                            touched[touchedCount++] = e;
                        }
                    }
                }
                touchedCount = markBanded(bandNext, bandStart[d], bandStart[d + 1], counts, touched, touchedCount);
                verifyMet(d, probes, counts, touched, touchedCount, corpus, w, postings, marked, mine);
                if (offset == 0 && (d & 4095) == 0) {
                    progress.report("candidates", d);
                }
            }
        });
        if (firstNew > 0) {
            // the indexed applications in a pair with a new one, then those in a pair with them (see pairsOfTheInvolved)
            boolean[] searched = new boolean[n];
            boolean[] frontier = new boolean[n];
            for (Pair p : all) {
                frontier[p.a()] |= p.a() < firstNew;
            }
            if (day != null) {
                for (int d : restsTodayMayExplain(day.keptRests(), corpus, w, firstNew, bands)) {
                    frontier[d] = true;
                }
            }
            for (int hop = 0; hop < INDEX_HOPS; hop++) {
                progress.report("candidates among the index", hop + 1);
                List<Pair> found = pairsOfTheInvolved(corpus, w, firstNew, frontier, searched, postings, bands);
                all.addAll(found);
                boolean[] next = new boolean[n];
                for (int d = 0; d < firstNew; d++) {
                    searched[d] |= frontier[d];
                }
                for (Pair p : found) {
                    next[p.a()] |= !searched[p.a()];
                    next[p.b()] |= !searched[p.b()];
                }
                frontier = next;
            }
            bands.involved = searched;
        }
        all.sort(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
        return all;
    }

    /**
     * Marks the band neighbours {@code next[from .. to)} {@link #BANDED} (verified whatever the probes they share),
     * adding those not met yet to {@code met}; answers the new count met.
     */
    private static int markBanded(int[] next, int from, int to, int[] counts, int[] met, int metCount) {
        for (int k = from; k < to; k++) {
            int e = next[k];
            if (counts[e] == 0) {
                met[metCount++] = e;
            }
            counts[e] = BANDED;
        }
        return metCount;
    }

    /**
     * The indexed applications whose rest (kept from the day they were searched for its source: its band keys and
     * least frequent shingles) one of today's filings may explain: it collides with the rest in
     * {@link MinHashBands#HITS} bands or holds a quarter of its probes (at least two), and covers at least
     * {@link CombinationCover#MINOR_SOURCE_SHARE} of the application (verified). A whole run searches every
     * partly explained filing; a day only those it involves, so a combination screened before its last source
     * was missed when that source came (the source's own search does not find it in a large corpus of one field:
     * the part it gave is common there). Marked, they are searched like the filings paired with a new one.
     */
    static int[] restsTodayMayExplain(Map<Integer, int[][]> kept, Corpus corpus, Weights w, int firstNew,
                                      Bands bands) {
        int n = corpus.size();
        if (kept == null || kept.isEmpty() || firstNew >= n) {
            return new int[0];
        }
        int bandCount = MinHashBands.BANDS;
        // today's band keys per band, (key, application) sorted; today's holders of kept probes, (hash, application)
        long[][] todayKeys = new long[bandCount][];
        java.util.stream.IntStream.range(0, bandCount).parallel().forEach(b -> {
            long[] packed = new long[n - firstNew];
            int count = 0;
            for (int d = firstNew; d < n; d++) {
                if (bands.keyed[d]) {
                    packed[count++] = ((bands.keys[d * bandCount + b] & 0xffffffffL) << 32) | d;
                }
            }
            todayKeys[b] = Arrays.copyOf(packed, count);
            Arrays.sort(todayKeys[b]);
        });
        IntCounter wanted = new IntCounter(1024);
        for (int[][] rest : kept.values()) {
            for (int h : rest[1]) {
                wanted.add(h, 1);
            }
        }
        long[] holders = new long[64];
        int held = 0;
        for (int d = firstNew; d < n; d++) {
            for (int id : corpus.shingles.get(d)) {
                int h = w.hash(id);
                if (wanted.get(h) > 0) {
                    if (held == holders.length) {
                        holders = Arrays.copyOf(holders, held * 2);
                    }
                    holders[held++] = ((h & 0xffffffffL) << 32) | d;
                }
            }
        }
        long[] byHash = Arrays.copyOf(holders, held);
        Arrays.sort(byHash);
        return kept.entrySet().parallelStream().filter(e -> e.getKey() < firstNew).filter(e -> {
            int t = e.getKey();
            int[] keys = e.getValue()[0];
            int[] met = new int[16];
            int count = 0;
            for (int b = 0; b < keys.length; b++) {
                long key = keys[b] & 0xffffffffL;
                for (int k = firstAtOrAfter(todayKeys[b], key << 32); k < todayKeys[b].length
                        && todayKeys[b][k] >>> 32 == key; k++) {
                    if (count == met.length) {
                        met = Arrays.copyOf(met, count * 2);
                    }
                    met[count++] = (int) todayKeys[b][k];
                }
            }
            int banded = metInEnoughBands(met, count);
            for (int k = 0; k < banded; k++) {
                if (givesAPart(met[k], t, corpus, w)) {
                    return true;
                }
            }
            int[] probes = e.getValue()[1];
            count = 0;
            for (int h : probes) {
                long hash = h & 0xffffffffL;
                for (int k = firstAtOrAfter(byHash, hash << 32); k < byHash.length && byHash[k] >>> 32 == hash; k++) {
                    if (count == met.length) {
                        met = Arrays.copyOf(met, count * 2);
                    }
                    met[count++] = (int) byHash[k];
                }
            }
            Arrays.sort(met, 0, count);
            int enough = Math.max(2, (probes.length + 3) / 4);
            for (int k = 0; k < count; ) {
                int run = k + 1;
                while (run < count && met[run] == met[k]) {
                    run++;
                }
                if (run - k >= enough && givesAPart(met[k], t, corpus, w)) {
                    return true;
                }
                k = run;
            }
            return false;
        }).mapToInt(Map.Entry::getKey).sorted().toArray();
    }

    /** Whether application s covers enough of application t to be one of its sources (verified on the shingles). */
    private static boolean givesAPart(int s, int t, Corpus corpus, Weights w) {
        double inter = w.intersection(corpus.shingles.get(s), corpus.shingles.get(t));
        return CombinationCover.mayBeSource(inter / w.total(t));
    }

    /** The first index of a sorted array holding a value at least {@code value}. */
    private static int firstAtOrAfter(long[] sorted, long value) {
        int at = Arrays.binarySearch(sorted, value);
        if (at < 0) {
            return -at - 1;
        }
        while (at > 0 && sorted[at - 1] == value) {
            at--;
        }
        return at;
    }

    /**
     * Verifies the candidates application d met ({@code met[0 .. metCount)}, with the probes they share in
     * {@code counts}, or {@link #BANDED}) and resets their counts; adds the pairs kept, the earlier application
     * first.
     */
    private static void verifyMet(int d, int[] probes, int[] counts, int[] met, int metCount, Corpus corpus, Weights w,
                                  Postings postings, Weights.Marked marked, List<Pair> out) {
        boolean markedA = false;
        for (int k = 0; k < metCount; k++) {
            int e = met[k];
            int shared = counts[e];
            counts[e] = 0;
            if (shared != BANDED
                    && shared < Math.max(2, 0.05 * Math.min(probes.length, postings.probeCount(e)))) {
                continue;
            }
            if (!markedA) {
                marked.mark(corpus.shingles.get(d));
                markedA = true;
            }
            double inter = marked.intersection(corpus.shingles.get(e));
            double wa = w.total(d);
            double wb = w.total(e);
            double sim = inter / (wa + wb - inter);
            double ca = inter / wa;
            double cb = inter / wb;
            if (DuplicateDecision.keep(ca, cb)) {
                out.add(d < e ? new Pair(d, e, sim, ca, cb) : new Pair(e, d, sim, cb, ca));
            }
        }
    }

    /**
     * An incremental day searches the index {@value} times more: first for the pairs of two indexed applications
     * one of which is in a pair with a new one, then for those of the applications this found. Without the first,
     * such an application's other sources and copies were unknown: a combination in the index of a new filing's
     * part and an indexed one's was missed (its indexed source was no pair), and a new filing's pair with that
     * combination was taken for a copy (on 3,000 generated filings, a tenth of them a day: 6 of the day's 12
     * combinations missed, two false copies). Without the second, an indexed filing that a combination in the
     * index took a part of was reported as the combination of that one and a new filing (the mutual covers are
     * decided by the better explained, which needs the other's sources): at 300,000 (the day the last 20,000) five
     * false combinations that a whole run does not report.
     */
    static final int INDEX_HOPS = 2;

    /**
     * An incremental day's pairs of two indexed applications, at least one of them in {@code involved} and
     * neither {@code searched} before, as a whole run would verify them (see {@link #INDEX_HOPS}). Each pair is
     * examined from its involved end (the earlier if both are).
     */
    private List<Pair> pairsOfTheInvolved(Corpus corpus, Weights w, int firstNew, boolean[] involved,
                                          boolean[] searched, Postings postings, Bands bands) {
        int n = corpus.size();
        long[] banded = involvedBandPairs(bands.keys, bands.keyed, firstNew, involved, searched);
        int[] start = new int[n + 1];
        for (long pair : banded) {
            int x = (int) (pair >>> 32);
            start[(involved[x] ? x : (int) pair) + 1]++;
        }
        for (int d = 0; d < n; d++) {
            start[d + 1] += start[d];
        }
        int[] next = new int[banded.length];
        int[] fill = Arrays.copyOf(start, n);
        for (long pair : banded) {
            int x = (int) (pair >>> 32);
            int c = (int) pair;
            if (involved[x]) {
                next[fill[x]++] = c;
            } else {
                next[fill[c]++] = x;
            }
        }
        int[] examiners = java.util.stream.IntStream.range(0, firstNew).filter(d -> involved[d]).toArray();
        return onEveryThread((offset, mine) -> {
            int[] counts = new int[n];
            int[] met = new int[n];
            Weights.Marked marked = new Weights.Marked(w);
            for (int i = offset; i < examiners.length; i += threads) {
                int d = examiners[i];
                int metCount = 0;
                int[] probes = postings.probes(d);
                for (int id : probes) {
                    for (int k = postings.from(id, 0), end = postings.from(id, firstNew); k < end; k++) {
                        int e = postings.doc(k);
                        if (e != d && !searched[e] && !(involved[e] && e < d) && counts[e]++ == 0) {
                            met[metCount++] = e;
                        }
                    }
                }
                metCount = markBanded(next, start[d], start[d + 1], counts, met, metCount);
                verifyMet(d, probes, counts, met, metCount, corpus, w, postings, marked, mine);
            }
        });
    }

    /**
     * The pairs (earlier index in the high half) of indexed applications (before {@code firstNew}) that collide in
     * {@link MinHashBands#HITS} bands under {@link #bandPairs}'s rule, of which at least one is involved and none
     * searched: per band the buckets an involved application is in, each member paired with the next
     * {@link MinHashBands#WINDOW} in input order. Sorted, distinct.
     */
    static long[] involvedBandPairs(int[] keys, boolean[] keyed, int firstNew, boolean[] involved,
                                    boolean[] searched) {
        int bands = MinHashBands.BANDS;
        int[] ofInvolved = java.util.stream.IntStream.range(0, firstNew).filter(d -> involved[d] && keyed[d]).toArray();
        int tableSize = Integer.highestOneBit(Math.max(2, ofInvolved.length) * 2) * 2;
        // a block of bands at a time, each application's keys of the block read together (the keys are stored
        // application by application: a band at a time read one int of every 256 bytes, memory-bound)
        int block = 8;
        int[][] order = new int[bands][];
        int[] rankOf = new int[firstNew];
        for (int r = 0; r < ofInvolved.length; r++) {
            rankOf[ofInvolved[r]] = r;
        }
        int[] place = new int[ofInvolved.length * bands];
        java.util.stream.IntStream.range(0, bands / block).parallel().forEach(b0 -> {
            long[][] tables = new long[block][tableSize];
            // and a bit per key hash in 2^20 (128 KB a band, held in cache): most applications are in no bucket
            // of an involved one and are turned away without a look into the larger table
            long[][] filters = new long[block][1 << 14];
            long[][] packed = new long[block][16];
            int[] count = new int[block];
            for (int j = 0; j < block; j++) {
                Arrays.fill(tables[j], -1);
                for (int d : ofInvolved) {
                    long key = keys[d * bands + b0 * block + j] & 0xffffffffL;
                    tables[j][slot(key, tables[j])] = key;
                    int bit = (int) (MinHashBands.mix(key) >>> 44);
                    filters[j][bit >>> 6] |= 1L << bit;
                }
            }
            for (int d = 0; d < firstNew; d++) {
                if (!keyed[d]) {
                    continue;
                }
                int base = d * bands + b0 * block;
                for (int j = 0; j < block; j++) {
                    long key = keys[base + j] & 0xffffffffL;
                    int bit = (int) (MinHashBands.mix(key) >>> 44);
                    if ((filters[j][bit >>> 6] & 1L << bit) != 0 && tables[j][slot(key, tables[j])] == key) {
                        if (count[j] == packed[j].length) {
                            packed[j] = Arrays.copyOf(packed[j], count[j] * 2);
                        }
                        packed[j][count[j]++] = (key << 32) | d;
                    }
                }
            }
            for (int j = 0; j < block; j++) {
                int band = b0 * block + j;
                Arrays.sort(packed[j], 0, count[j]);
                int[] inOrder = new int[count[j]];
                for (int i = 0; i < count[j]; i++) {
                    int d = (int) packed[j][i];
                    boolean sameBucket = i > 0 && packed[j][i] >>> 32 == packed[j][i - 1] >>> 32;
                    inOrder[i] = sameBucket ? d | Integer.MIN_VALUE : d;
                    if (involved[d]) {
                        place[rankOf[d] * bands + band] = i;
                    }
                }
                order[band] = inOrder;
            }
        });
        // each involved application walks its buckets: the next WINDOW of each, and the WINDOW before it that are
        // not involved (an involved one before it counts the pair); met in HITS bands, a pair
        long[][] rows = java.util.stream.IntStream.range(0, ofInvolved.length).parallel().mapToObj(r -> {
            int a = ofInvolved[r];
            int[] met = new int[16];
            int count = 0;
            for (int band = 0; band < bands; band++) {
                int[] inOrder = order[band];
                int x = place[r * bands + band];
                for (int y = x + 1; y < inOrder.length && y <= x + MinHashBands.WINDOW && inOrder[y] < 0; y++) {
                    int c = inOrder[y] & Integer.MAX_VALUE;
                    if (!searched[c]) {
                        if (count == met.length) {
                            met = Arrays.copyOf(met, count * 2);
                        }
                        met[count++] = c;
                    }
                }
                for (int y = x; y > 0 && y > x - MinHashBands.WINDOW && inOrder[y] < 0; y--) {
                    int c = inOrder[y - 1] & Integer.MAX_VALUE;
                    if (!searched[c] && !involved[c]) {
                        if (count == met.length) {
                            met = Arrays.copyOf(met, count * 2);
                        }
                        met[count++] = c;
                    }
                }
            }
            int kept = metInEnoughBands(met, count);
            long[] pairs = new long[kept];
            for (int k = 0; k < kept; k++) {
                int c = met[k];
                pairs[k] = a < c ? ((long) a << 32) | c : ((long) c << 32) | a;
            }
            return pairs;
        }).toArray(long[][]::new);
        long[] all = Arrays.stream(rows).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /**
     * Marks a candidate that collided in {@link MinHashBands#HITS} MinHash bands (a rest's: or in a whole small
     * bucket): verified whatever the number of shared probes.
     */
    private static final int BANDED = Integer.MIN_VALUE;
    private static final byte BANDED_HOLDER = Byte.MIN_VALUE;

    /**
     * Candidate pairs from {@link MinHashBands}: every application's band keys (kept in {@code kept} for the search
     * of the rest of partial copies), and the pairs of {@link #bandPairs}. Returns compressed rows: for application
     * a, the later applications b (b ≥ firstNew) it collided with in {@link MinHashBands#HITS} bands. An
     * incremental {@code day} (or null) may hold the keys of the index's applications: only the others race.
     */
    private int[][] bandNeighbours(Corpus corpus, Weights w, int firstNew, Bands kept, FrozenRaces.Day day) {
        int n = corpus.size();
        int bands = MinHashBands.BANDS;
        // every application's keys (256 MB for a million), kept for the search of the rest of partial copies
        int[] keys = new int[n * bands];
        boolean[] keyed = new boolean[n];
        int raceFrom = 0;
        if (day != null) {
            day.knownKeys(keys, keyed);
            raceFrom = day.racedBelow();
        }
        java.util.stream.IntStream.range(raceFrom, n).parallel().forEach(d -> {
            int[] ids = corpus.shingles.get(d);
            int[] hashes = new int[ids.length];
            float[] weights = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                hashes[i] = w.hash(ids[i]);
                weights[i] = w.raceWeight(ids[i]);
            }
            int[] k = MinHashBands.keys(hashes, weights);
            keyed[d] = k.length == bands;
            if (keyed[d]) {
                System.arraycopy(k, 0, keys, d * bands, bands);
            }
        });
        progress.report("minhash bands", n);
        int[][] rows = bandPairs(keys, keyed, firstNew);
        progress.report("minhash pairs", rows[1].length);
        kept.keys = keys;
        kept.keyed = keyed;
        return rows;
    }

    /**
     * The pairs that collide in at least {@link MinHashBands#HITS} bands: per band the keyed applications are
     * sorted by key (then input order), and within a bucket each is paired with the next
     * {@link MinHashBands#WINDOW}. {@code keys} holds {@link MinHashBands#BANDS} keys per application. Returns
     * compressed rows {start, next}: for application a, next[start[a] .. start[a + 1]) are the later applications
     * b ≥ {@code firstNew} it collided with in that many bands, ascending.
     *
     * <p>The pairs that collide in one band only are most of them (234 million at 1,000,000 filings, 1.9 GB as
     * longs) and are never held: each band's order and each application's place in it are kept (two ints an
     * application and band), and then each application, on all cores, walks its own bucket in every band, gathers
     * the later ones it meets and keeps those met in two bands or more.
     */
    static int[][] bandPairs(int[] keys, boolean[] keyed, int firstNew) {
        int bands = MinHashBands.BANDS;
        int n = keyed.length;
        int[] keyedIds = java.util.stream.IntStream.range(0, n).filter(d -> keyed[d]).toArray();
        int m = keyedIds.length;
        int at = Arrays.binarySearch(keyedIds, firstNew);
        int firstNewKeyed = at >= 0 ? at : -at - 1;
        int newKeyed = m - firstNewKeyed;
        // per band: the keyed applications in bucket order (the sign bit set on those in their predecessor's
        // bucket) and each one's place in it plus one (0: not in it). An incremental day's bands hold only the
        // buckets a new application is in (no other pair is wanted), which it finds in a table of the new keys.
        int[][] order = new int[bands][];
        int[] place = new int[n * bands];
        int tableSize = Integer.highestOneBit(Math.max(2, newKeyed) * 2) * 2;
        java.util.stream.IntStream.range(0, bands).parallel().forEach(band -> {
            long[] newKeys = null;
            if (firstNew > 0) {
                newKeys = new long[tableSize];
                Arrays.fill(newKeys, -1);
                for (int i = firstNewKeyed; i < m; i++) {
                    long key = keys[keyedIds[i] * bands + band] & 0xffffffffL;
                    newKeys[slot(key, newKeys)] = key;
                }
            }
            long[] packed = new long[m];
            int count = 0;
            for (int i = 0; i < m; i++) {
                int d = keyedIds[i];
                long key = keys[d * bands + band] & 0xffffffffL;
                if (newKeys == null || d >= firstNew || newKeys[slot(key, newKeys)] == key) {
                    packed[count++] = (key << 32) | d;
                }
            }
            Arrays.sort(packed, 0, count);
            int[] inOrder = new int[count];
            for (int i = 0; i < count; i++) {
                int d = (int) packed[i];
                boolean sameBucket = i > 0 && packed[i] >>> 32 == packed[i - 1] >>> 32;
                inOrder[i] = sameBucket ? d | Integer.MIN_VALUE : d;
                place[d * bands + band] = i + 1;
            }
            order[band] = inOrder;
        });
        int[] none = new int[0];
        int[][] rows = java.util.stream.IntStream.range(0, m).parallel().mapToObj(i -> {
            int a = keyedIds[i];
            int[] met = new int[16];
            int count = 0;
            for (int band = 0; band < bands; band++) {
                int[] inOrder = order[band];
                int x = place[a * bands + band] - 1;
                if (x < 0) {
                    continue;
                }
                for (int y = x + 1; y < inOrder.length && y <= x + MinHashBands.WINDOW && inOrder[y] < 0; y++) {
                    int c = inOrder[y] & Integer.MAX_VALUE;
                    if (c >= firstNew) {
                        if (count == met.length) {
                            met = Arrays.copyOf(met, count * 2);
                        }
                        met[count++] = c;
                    }
                }
            }
            if (count < MinHashBands.HITS) {
                return none;
            }
            return Arrays.copyOf(met, metInEnoughBands(met, count));
        }).toArray(int[][]::new);
        int[] start = new int[n + 1];
        for (int i = 0; i < m; i++) {
            start[keyedIds[i] + 1] = rows[i].length;
        }
        for (int d = 0; d < n; d++) {
            start[d + 1] += start[d];
        }
        int[] next = new int[start[n]];
        for (int i = 0; i < m; i++) {
            System.arraycopy(rows[i], 0, next, start[keyedIds[i]], rows[i].length);
        }
        return new int[][] {start, next};
    }

    /**
     * Sorts the applications met ({@code met[0 .. count)}, one entry a band) and keeps, ascending and once each, those
     * met in {@link MinHashBands#HITS} bands or more at the front; answers how many.
     */
    static int metInEnoughBands(int[] met, int count) {
        Arrays.sort(met, 0, count);
        int kept = 0;
        for (int k = 0; k < count; ) {
            int run = k + 1;
            while (run < count && met[run] == met[k]) {
                run++;
            }
            if (run - k >= MinHashBands.HITS) {
                met[kept++] = met[k];
            }
            k = run;
        }
        return kept;
    }

    /**
     * A second, targeted search for applications that candidate sources explain only in part (at least
     * {@link CombinationCover#SOURCE_SHARE}, together less than {@link #REST_SEARCHED_BELOW}): the first search proposes pairs
     * from shingles few applications probe with, and in a large corpus of one field the part taken from a
     * second source may share only shingles that are common elsewhere. For each such application its
     * {@link #REST_PROBES} least frequent shingles that no found source covers (document frequency up to
     * {@link #REST_MAX_DF}, their holders together within {@link #REST_BUDGET}) are looked up in one pass over the
     * corpus, and of the applications holding a quarter of them the {@link #REST_VERIFIED} holding the most are
     * verified like any candidate (a source of the rest holds most of them). Only the partly explained
     * applications pay for it.
     *
     * <p>In a million filings of one field a source's part is often the field's common text: with probes
     * of document frequency up to 1,000 the search found no source of that part for 179 of the 304 combinations
     * missed at 300,000 filings (recall 0.891); up to 10,000, with the best 32 holders verified, recall was 0.933 at
     * 300,000 and 0.883 at 1,000,000 (from 0.805), precision unchanged.
     *
     * <p>Which applications are searched and for what is {@link #unexplained}; a second round searches again those
     * a new pair gave a part (recall at 1,000,000 0.878 → 0.894 with both, and 27 s less; see there).
     */
    private List<Pair> withSourcesOfTheRest(Corpus corpus, Weights w, List<Pair> pairs, int firstNew, Bands bands) {
        java.util.BitSet only = null;
        for (int round = 1; round <= REST_ROUNDS; round++) {
            List<Pair> found = restRound(corpus, w, pairs, firstNew, bands, only);
            if (found.isEmpty()) {
                break;
            }
            List<Pair> out = new ArrayList<>(pairs);
            out.addAll(found);
            out.sort(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
            pairs = out;
            // the next round searches again those a new pair may explain further: the third source of a
            // combination of three shows once the second is found
            only = new java.util.BitSet(corpus.size());
            for (Pair p : found) {
                if (isPart(p.aCoveredByB(), p.bCoveredByA())) {
                    only.set(p.a());
                }
                if (isPart(p.bCoveredByA(), p.aCoveredByB())) {
                    only.set(p.b());
                }
            }
        }
        return pairs;
    }

    /**
     * Whether a source that covers {@code targetShare} of a target and gives {@code ownShare} of its own content is a
     * part of it worth searching on from: a fifth of the target that is also a quarter of the source. In a large
     * corpus of one field many filings share a fifth of any other in the field's phrases, but little of their own.
     */
    public static boolean isPart(double targetShare, double ownShare) {
        return targetShare >= CombinationCover.SOURCE_SHARE && ownShare >= CombinationCover.SOURCES_OWN_SHARE;
    }

    /**
     * What of a target the targeted search looks for the source of, given its candidate sources ({@code options},
     * those covering at least {@link CombinationCover#MINOR_SOURCE_SHARE} of it, ascending by id): the part the
     * options covering {@link CombinationCover#SOURCE_SHARE} each leave uncovered (true where covered), or null
     * when nothing is searched: one option covers {@link #REST_SEARCHED_BELOW} of it (a copy), the options make a
     * {@link CombinationCover} already (a combination), or none is a part of it ({@link #isPart}).
     *
     * <p>Before, a target was not searched once two options covered {@link CombinationCover#COVERAGE} together: at
     * 1,000,000 filings the filings that share only the field's phrases with a combination "covered" it with its
     * one found source, and 109 combinations of two were never searched for their second source. Searching only
     * from a part (not from filings that share a fifth of the field's phrases) searched 89,487 instead of 296,398
     * applications there: 27 s less. The engine and the Spark job decide with this.
     */
    public static boolean[] unexplained(CombinationCover.Shingles target, List<CombinationCover.Shingles> options) {
        double total = target.total();
        if (total <= 0 || options.isEmpty()) {
            return null;
        }
        boolean part = false;
        double[] shared = new double[options.size()];
        for (int k = 0; k < options.size(); k++) {
            CombinationCover.Shingles o = options.get(k);
            double inter = target.intersection(o);
            shared[k] = inter;
            if (inter >= REST_SEARCHED_BELOW * total) {
                return null;
            }
            part |= isPart(inter / total, o.total() > 0 ? inter / o.total() : 0);
        }
        if (!part || (options.size() >= 2 && CombinationCover.of(target, options) != null)) {
            return null;
        }
        boolean[] covered = new boolean[target.keys().length];
        for (int k = 0; k < options.size(); k++) {
            if (shared[k] >= CombinationCover.SOURCE_SHARE * total) {
                target.walk(covered, options.get(k), true);
            }
        }
        return covered;
    }

    /** One round of the targeted search (see {@link #withSourcesOfTheRest}): the new pairs it verified and kept. */
    private List<Pair> restRound(Corpus corpus, Weights w, List<Pair> pairs, int firstNew, Bands bands,
                                 java.util.BitSet only) {
        int n = corpus.size();
        Map<Integer, List<Integer>> sources = new HashMap<>();
        for (Pair p : pairs) {
            if (CombinationCover.mayBeSource(p.aCoveredByB()) && (only == null || only.get(p.a()))) {
                sources.computeIfAbsent(p.a(), k -> new ArrayList<>()).add(p.b());
            }
            if (CombinationCover.mayBeSource(p.bCoveredByA()) && (only == null || only.get(p.b()))) {
                sources.computeIfAbsent(p.b(), k -> new ArrayList<>()).add(p.a());
            }
        }
        Map<Integer, int[]> probes = new HashMap<>();
        Map<Integer, int[]> restBandKeys = new HashMap<>();
        java.util.BitSet wanted = new java.util.BitSet(w.distinct());
        // per partly explained application (on all cores): the band keys and least frequent ids of its rest
        List<int[][]> rests = sources.entrySet().parallelStream().map(e -> {
            int c = e.getKey();
            int[] target = corpus.shingles.get(c);
            List<CombinationCover.Shingles> options = new ArrayList<>(e.getValue().size());
            for (int s : e.getValue()) {
                options.add(shinglesOf(s, corpus, w));
            }
            boolean[] covered = unexplained(shinglesOf(c, corpus, w), options);
            if (covered == null) {
                return null;
            }
            int[] restHashes = new int[target.length];
            float[] restWeights = new float[target.length];
            int rest = 0;
            for (int i = 0; i < target.length; i++) {
                if (!covered[i]) {
                    restHashes[rest] = w.hash(target[i]);
                    restWeights[rest++] = w.raceWeight(target[i]);
                }
            }
            int[] restKeys = MinHashBands.keys(restHashes, restWeights, rest);
            int[] dfs = new int[target.length];
            for (int i = 0; i < target.length; i++) {
                dfs[i] = w.df(target[i]);
            }
            int[] ids = restProbes(target, dfs, covered);
            return new int[][] {{c}, restKeys, ids};
        }).filter(r -> r != null).toList();
        for (int[][] r : rests) {
            if (bands.rests != null) {
                int[] hashes = new int[r[2].length];
                for (int i = 0; i < hashes.length; i++) {
                    hashes[i] = w.hash(r[2][i]);
                }
                bands.rests.put(r[0][0], new int[][] {r[1], hashes});
            }
            if (r[1].length > 0) {
                restBandKeys.put(r[0][0], r[1]);
            }
            for (int id : r[2]) {
                wanted.set(id);
            }
            probes.put(r[0][0], r[2]);
        }
        if (probes.isEmpty()) {
            return List.of();
        }
        // holders of the wanted shingles, compressed rows indexed by each shingle's rank among the wanted
        long[] words = wanted.toLongArray();
        int[] rankBefore = new int[words.length + 1];
        for (int i = 0; i < words.length; i++) {
            rankBefore[i + 1] = rankBefore[i] + Long.bitCount(words[i]);
        }
        int slots = rankBefore[words.length];
        // the pass over every application's shingles on all cores; the rows are then filled in input order
        int[] none = new int[0];
        int[][] held = java.util.stream.IntStream.range(0, n).parallel().mapToObj(d -> {
            int[] ids = corpus.shingles.get(d);
            int[] ranks = null;
            int count = 0;
            for (int id : ids) {
                if (wanted.get(id)) {
                    if (ranks == null) {
                        ranks = new int[Math.min(ids.length, 8)];
                    } else if (count == ranks.length) {
                        ranks = Arrays.copyOf(ranks, Math.min(ids.length, count * 2));
                    }
                    ranks[count++] = rank(words, rankBefore, id);
                }
            }
            return ranks == null ? none : Arrays.copyOf(ranks, count);
        }).toArray(int[][]::new);
        int[] start = new int[slots + 1];
        for (int[] ranks : held) {
            for (int r : ranks) {
                start[r + 1]++;
            }
        }
        for (int i = 0; i < slots; i++) {
            start[i + 1] += start[i];
        }
        int[] holders = new int[start[slots]];
        int[] fill = Arrays.copyOf(start, slots);
        for (int d = 0; d < n; d++) {
            for (int r : held[d]) {
                holders[fill[r]++] = d;
            }
        }
        // pairs already verified: sorted packed (a, b), looked up by binary search
        long[] knownPairs = new long[pairs.size()];
        for (int k = 0; k < knownPairs.length; k++) {
            knownPairs[k] = ((long) pairs.get(k).a() << 32) | pairs.get(k).b();
        }
        Arrays.sort(knownPairs);
        int[] targets = probes.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        progress.report("rest of partial copies: targets", targets.length);
        int[][] bandCandidates = restBandCandidates(targets, restBandKeys, bands, n);
        progress.report("rest of partial copies: band candidates", Arrays.stream(bandCandidates).mapToLong(c -> c.length).sum());
        List<Pair> found = onEveryThread((offset, mine) -> {
            // shared probes per holder, at most REST_PROBES: a byte each keeps the array in cache (a million holders)
            byte[] counts = new byte[n];
            int[] touched = new int[n];
            long[] byShared = new long[1024];
            int[] ofCount = new int[REST_PROBES + 1];
            for (int x = offset; x < targets.length; x += threads) {
                int c = targets[x];
                int[] ids = probes.get(c);
                int touchedCount = 0;
                for (int d : bandCandidates[x]) {
                    if (counts[d] == 0) {
                        touched[touchedCount++] = d;
                    }
                    counts[d] = BANDED_HOLDER;
                }
                int banded = touchedCount;
                // the probes are the least frequent, within the budget of holders
                int used = ids.length;
                int enough = Math.max(2, used / 4);
                // a holder of enough of the probes holds one of the (used - enough + 1) least frequent: only their
                // holders are gathered; the longer lists only count the holders gathered (a binary search each
                // when they are few), which gives the same counts for every holder that can qualify
                int gathering = used - enough + 1;
                for (int u = 0; u < used; u++) {
                    int slot = rank(words, rankBefore, ids[u]);
                    int from = start[slot];
                    int to = start[slot + 1];
                    if (u < gathering) {
                        for (int k = from; k < to; k++) {
                            int d = holders[k];
                            if (d != c && counts[d] != BANDED_HOLDER && counts[d]++ == 0) {
                                touched[touchedCount++] = d;
                            }
                        }
                    } else if ((long) (touchedCount - banded) * 16 < to - from) {
                        for (int k = banded; k < touchedCount; k++) {
                            if (Arrays.binarySearch(holders, from, to, touched[k]) >= 0) {
                                counts[touched[k]]++;
                            }
                        }
                    } else {
                        for (int k = from; k < to; k++) {
                            int d = holders[k];
                            if (counts[d] > 0) {
                                counts[d]++;
                            }
                        }
                    }
                }
                // band candidates are all verified; of the holders, those sharing the most probes
                int verify = 0;
                int ranked = 0;
                for (int k = 0; k < touchedCount; k++) {
                    int d = touched[k];
                    int shared = counts[d];
                    counts[d] = 0;
                    if (shared == BANDED_HOLDER) {
                        touched[verify++] = d;
                    } else if (shared >= enough) {
                        if (ranked == byShared.length) {
                            byShared = Arrays.copyOf(byShared, ranked * 2);
                        }
                        byShared[ranked++] = ((long) shared << 32) | d;
                    }
                }
                if (ranked <= REST_VERIFIED) {
                    for (int k = 0; k < ranked; k++) {
                        touched[verify++] = (int) byShared[k];
                    }
                } else {
                    // the least count that still fits among the REST_VERIFIED best (counts are at most the
                    // probes): those above it all, those at it in the order found
                    Arrays.fill(ofCount, 0);
                    for (int k = 0; k < ranked; k++) {
                        ofCount[(int) (byShared[k] >>> 32)]++;
                    }
                    int cut = ofCount.length - 1;
                    int above = 0;
                    while (cut > 0 && above + ofCount[cut] <= REST_VERIFIED) {
                        above += ofCount[cut--];
                    }
                    int atCut = REST_VERIFIED - above;
                    for (int k = 0; k < ranked; k++) {
                        int shared = (int) (byShared[k] >>> 32);
                        if (shared > cut || (shared == cut && atCut-- > 0)) {
                            touched[verify++] = (int) byShared[k];
                        }
                    }
                }
                for (int k = 0; k < verify; k++) {
                    int d = touched[k];
                    int a = Math.min(c, d);
                    int b = Math.max(c, d);
                    boolean reported = b >= firstNew || bands.involved != null && (bands.involved[a] || bands.involved[b]);
                    if (d == c || !reported || Arrays.binarySearch(knownPairs, ((long) a << 32) | b) >= 0) {
                        continue;
                    }
                    double inter = w.intersection(corpus.shingles.get(a), corpus.shingles.get(b));
                    double ca = inter / w.total(a);
                    double cb = inter / w.total(b);
                    if (DuplicateDecision.keep(ca, cb)) {
                        mine.add(new Pair(a, b, inter / (w.total(a) + w.total(b) - inter), ca, cb));
                    }
                }
            }
        });
        // a pair found from both of its ends is kept once
        found.sort(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
        List<Pair> out = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            if (k == 0 || found.get(k).a() != found.get(k - 1).a() || found.get(k).b() != found.get(k - 1).b()) {
                out.add(found.get(k));
            }
        }
        return out;
    }

    /**
     * The probes of a rest: its uncovered {@code keys} of document frequency ({@code dfs}) 2..{@link #REST_MAX_DF},
     * least frequent first (ties by key, unsigned), at most {@link #REST_PROBES}, while their holders add up to at
     * most {@link #REST_BUDGET} (the first is always taken). The engine passes its dense ids, the Spark job the
     * shingle hashes.
     */
    public static int[] restProbes(int[] keys, int[] dfs, boolean[] covered) {
        long[] keyed = new long[keys.length];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (!covered[i] && dfs[i] >= 2 && dfs[i] <= REST_MAX_DF) {
                keyed[k++] = ((long) dfs[i] << 32) | (keys[i] & 0xffffffffL);
            }
        }
        Arrays.sort(keyed, 0, k);
        // least frequent first, until their holders would pass the budget
        int count = 0;
        long holders = 0;
        while (count < Math.min(REST_PROBES, k)) {
            int df = (int) (keyed[count] >>> 32);
            if (count > 0 && holders + df > REST_BUDGET) {
                break;
            }
            holders += df;
            count++;
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) keyed[i];
        }
        return out;
    }

    /**
     * For each target, the applications in the MinHash buckets of its uncovered part in at least
     * {@link MinHashBands#HITS} bands, or in one bucket of at most {@link MinHashBands#WINDOW} applications: the
     * source of the rest of a combination is far more similar to the rest than to the whole, but a rest is a third
     * or a half of a filing and its similarity to a source is often 0.15-0.25, where two hits are unlikely; a key
     * that few applications hold is itself specific (the field's phrases make the buckets of thousands). At
     * 1,000,000 filings this found 61 more combinations (recall 0.942 → 0.948, precision 0.964 → 0.959). One band at
     * a time: every keyed application's key for it, sorted, each target's key looked up; a bucket gives at most
     * {@link MinHashBands#WINDOW} applications.
     */
    private static int[][] restBandCandidates(int[] targets, Map<Integer, int[]> restBandKeys, Bands bands, int n) {
        int bandCount = MinHashBands.BANDS;
        int[] keyedTargets = java.util.stream.IntStream.range(0, targets.length)
                .filter(x -> restBandKeys.containsKey(targets[x])).toArray();
        int t = keyedTargets.length;
        // per band: the targets' keys in an open-addressing table (key -> first of its targets in sorted order);
        // one pass over the applications in input order gives each target the first WINDOW of its bucket.
        // Bands are independent: spread over the cores, each with its own table and findings
        int capacity = Integer.highestOneBit(Math.max(16, t * 2)) << 1;
        List<long[]> perBand = java.util.stream.IntStream.range(0, bandCount).parallel().mapToObj(band -> {
            long[] table = new long[capacity];
            int[] tableFirst = new int[capacity];
            long[] byKey = new long[t];
            int[] taken = new int[t];
            for (int k = 0; k < t; k++) {
                int x = keyedTargets[k];
                byKey[k] = ((restBandKeys.get(targets[x])[band] & 0xffffffffL) << 32) | x;
            }
            Arrays.sort(byKey);
            Arrays.fill(table, -1);
            for (int k = t - 1; k >= 0; k--) {
                long key = byKey[k] >>> 32;
                int slot = slot(key, table);
                table[slot] = key;
                tableFirst[slot] = k;
            }
            long[] mine = new long[16];
            int count = 0;
            for (int d = 0; d < n; d++) {
                if (!bands.keyed[d]) {
                    continue;
                }
                long key = bands.keys[d * bandCount + band] & 0xffffffffL;
                int slot = slot(key, table);
                if (table[slot] != key) {
                    continue;
                }
                for (int k = tableFirst[slot]; k < t && byKey[k] >>> 32 == key; k++) {
                    if (taken[k]++ < MinHashBands.WINDOW) {
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = ((byKey[k] & 0xffffffffL) << 32) | ((long) d << 1);
                    }
                }
            }
            // the holders of a bucket of at most WINDOW are all of it: flagged in the lowest bit
            boolean[] whole = new boolean[targets.length];
            for (int k = 0; k < t; k++) {
                whole[(int) byKey[k]] = taken[k] <= MinHashBands.WINDOW;
            }
            for (int i = 0; i < count; i++) {
                if (whole[(int) (mine[i] >>> 32)]) {
                    mine[i] |= 1;
                }
            }
            return Arrays.copyOf(mine, count);
        }).toList();
        int foundCount = perBand.stream().mapToInt(a -> a.length).sum();
        long[] found = new long[foundCount];
        int at = 0;
        for (long[] a : perBand) {
            System.arraycopy(a, 0, found, at, a.length);
            at += a.length;
        }
        Arrays.parallelSort(found, 0, foundCount);
        int[][] out = new int[targets.length][];
        int k = 0;
        for (int x = 0; x < targets.length; x++) {
            int from = k;
            while (k < foundCount && (int) (found[k] >>> 32) == x) {
                k++;
            }
            int[] docs = new int[k - from];
            int unique = 0;
            for (int i = from; i < k; ) {
                int run = i + 1;
                boolean inWhole = (found[i] & 1) != 0;
                while (run < k && found[run] >>> 1 == found[i] >>> 1) {
                    inWhole |= (found[run] & 1) != 0;
                    run++;
                }
                if (run - i >= MinHashBands.HITS || inWhole) {
                    docs[unique++] = (int) found[i] >>> 1;
                }
                i = run;
            }
            out[x] = Arrays.copyOf(docs, unique);
        }
        return out;
    }

    /** The slot of a 32-bit key in an open-addressing table (empty slots hold -1): its own, or the free one. */
    private static int slot(long key, long[] table) {
        int mask = table.length - 1;
        int i = (int) (MinHashBands.mix(key) & mask);
        while (table[i] != -1 && table[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Rank of a set bit among the set bits of a bitset's words (rankBefore: set bits before each word). */
    private static int rank(long[] words, int[] rankBefore, int id) {
        int word = id >>> 6;
        return rankBefore[word] + Long.bitCount(words[word] & ((1L << (id & 63)) - 1));
    }

    /** Reads back the few flagged applications and builds the evidence of each finding. */
    final class Evidence implements AutoCloseable {
        private final Corpus corpus;
        private final List<RandomAccessFile> files = new ArrayList<>();
        // used from several threads: the cache is concurrent, the files are read one at a time
        private final Map<Integer, PatentRecord> cache = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Integer> indexOf = new HashMap<>();

        Evidence(Corpus corpus, List<Path> paths) {
            this.corpus = corpus;
            try {
                for (Path p : paths) {
                    files.add(new RandomAccessFile(p.toFile(), "r"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isNew(String applicationNo, int firstNew) {
            if (indexOf.isEmpty()) {
                for (int i = 0; i < corpus.size(); i++) {
                    indexOf.put(corpus.applicationNos.get(i), i);
                }
            }
            Integer i = indexOf.get(applicationNo);
            return i != null && i >= firstNew;
        }

        /** The input line of an application of the corpus, or null if it has none. */
        String line(String applicationNo) {
            isNew(applicationNo, 0);
            Integer i = indexOf.get(applicationNo);
            if (i == null) {
                return null;
            }
            long[] at = corpus.locations.get(i);
            RandomAccessFile file = files.get((int) at[0]);
            synchronized (file) {
                return LineFile.lineAt(file, at[1]);
            }
        }

        PatentRecord record(int i) {
            PatentRecord cached = cache.get(i);
            if (cached != null) {
                return cached;
            }
            long[] at = corpus.locations.get(i);
            RandomAccessFile file = files.get((int) at[0]);
            String line;
            synchronized (file) {
                line = LineFile.lineAt(file, at[1]);
            }
            PatentRecord r = Jsonl.parseStoredPatent(line);
            cache.putIfAbsent(i, r);
            return r;
        }

        Finding duplicate(int[] group, Map<Integer, List<Pair>> edges) {
            // a member is in several of the pairs shown: its content folded and shingled once
            Map<Integer, ContentProfile> profiles = new HashMap<>();
            List<Map<String, Object>> pairEvidence = new ArrayList<>();
            double sum = 0;
            int count = 0;
            double min = 1;
            for (int a : group) {
                for (Pair p : edges.getOrDefault(a, List.of())) {
                    sum += p.similarity();
                    count++;
                    min = Math.min(min, p.similarity());
                    if (pairEvidence.size() < 20) {
                        PatentRecord ra = record(p.a());
                        PatentRecord rb = record(p.b());
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("applications", List.of(ra.applicationNo(), rb.applicationNo()));
                        m.put("similarity", round(p.similarity()));
                        m.put("sharedPassages", SharedPassages.between(ra,
                                profiles.computeIfAbsent(p.a(), k -> ContentProfile.of(ra, shingler)), rb,
                                profiles.computeIfAbsent(p.b(), k -> ContentProfile.of(rb, shingler)), 8));
                        pairEvidence.add(m);
                    }
                }
            }
            List<String> subjects = Arrays.stream(group).mapToObj(corpus.applicationNos::get).sorted().toList();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("similarity", round(sum / Math.max(1, count)));
            evidence.put("minimumPairSimilarity", round(min));
            evidence.put("measure", "IDF-weighted Jaccard of 3-character shingles (boilerplate weighs ~0)");
            evidence.put("pairs", pairEvidence);
            return new Finding(Rule.P1_DUPLICATE, subjects, sum / Math.max(1, count), evidence);
        }

        Finding combination(int c, List<Integer> sources, List<Double> shares, double coverage) {
            PatentRecord rc = record(c);
            ContentProfile pc = ContentProfile.of(rc, shingler);
            List<Map<String, Object>> sourceEvidence = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            subjects.add(rc.applicationNo());
            for (int k = 0; k < sources.size(); k++) {
                PatentRecord rs = record(sources.get(k));
                subjects.add(rs.applicationNo());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", rs.applicationNo());
                m.put("covers", round(shares.get(k)));
                m.put("passages", SharedPassages.between(rc, pc, rs, ContentProfile.of(rs, shingler), 6));
                sourceEvidence.add(m);
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("coverage", round(coverage));
            evidence.put("sources", sourceEvidence);
            return new Finding(Rule.P1_COMBINATION, subjects, coverage, evidence);
        }

        Finding generated(int i, Finding f) {
            Map<String, Object> evidence = new LinkedHashMap<>(f.evidence());
            evidence.put("worstPassages", language.worstPassages(record(i), 3));
            return new Finding(f.rule(), f.subjects(), f.score(), evidence);
        }

        @Override
        public void close() {
            for (RandomAccessFile f : files) {
                try {
                    f.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /**
     * Runs one worker a thread, each given its offset (it strides over its share of the work by the number of
     * threads) and its own list of pairs; answers the pairs of all, gathered.
     */
    private List<Pair> onEveryThread(java.util.function.BiConsumer<Integer, List<Pair>> work) {
        List<List<Pair>> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Pair> mine = new ArrayList<>();
            perThread.add(mine);
            int offset = t;
            Thread worker = new Thread(() -> work.accept(offset, mine));
            workers.add(worker);
            worker.start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<Pair> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        return all;
    }
}
