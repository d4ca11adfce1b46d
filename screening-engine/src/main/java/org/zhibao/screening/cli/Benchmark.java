package org.zhibao.screening.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.KnownMark;
import org.zhibao.screening.LineFile;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.Shingler;
import org.zhibao.screening.TrademarkRecord;
import org.zhibao.screening.corpus.Evaluation;
import org.zhibao.screening.corpus.PatentCorpusGenerator;
import org.zhibao.screening.corpus.TrademarkCorpusGenerator;
import org.zhibao.screening.patent.ContentProfile;
import org.zhibao.screening.patent.PatentScreening;
import org.zhibao.screening.trademark.KnownMarkIndex;

/** The single-machine benchmark: engine against the floor (reading and hashing only), and trademark lookups. */
final class Benchmark {

    private Benchmark() {
    }

    static int run(Map<String, String> o) {
        Path work = Path.of(o.getOrDefault("work", "target/benchmark"));
        Commands.mkdirs(work);
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("benchmark on %d cores, max heap %,d MB%n", threads, Runtime.getRuntime().maxMemory() >> 20);
        for (String s : o.getOrDefault("sizes", "10000,100000").split(",")) {
            int size = Integer.parseInt(s.strip());
            Path dir = work.resolve("patents-" + size);
            Commands.mkdirs(dir);
            Path patents = dir.resolve("patents.jsonl");
            Path truth = dir.resolve("patents-truth.jsonl");
            if (!Files.exists(truth)) {
                long t0 = System.nanoTime();
                new PatentCorpusGenerator(PatentCorpusGenerator.Settings.of(size, 11)).write(patents, truth);
                System.err.printf("benchmark: generated %,d applications in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
            }
            List<Finding> planted = Evaluation.readTruth(truth);
            List<BenchmarkRow> rows = new ArrayList<>();
            BenchmarkRow.resetPeak();
            long t0 = System.nanoTime();
            long n = floor(patents, threads);
            rows.add(new BenchmarkRow("floor (read+parse+hash)", n, (System.nanoTime() - t0) / 1e9, BenchmarkRow.currentPeakHeapMb(), Double.NaN));
            BenchmarkRow.resetPeak();
            t0 = System.nanoTime();
            List<Finding> found = new PatentScreening(Progress.NONE, threads).screen(patents, b -> { });
            double seconds = (System.nanoTime() - t0) / 1e9;
            var scores = Evaluation.score(planted, found, EnumSet.of(Rule.P1_DUPLICATE));
            rows.add(new BenchmarkRow("zhibao engine (all P rules)", n, seconds, BenchmarkRow.currentPeakHeapMb(),
                    scores.get(Rule.P1_DUPLICATE).recall()));
            System.out.println();
            System.out.println(BenchmarkRow.header());
            rows.forEach(r -> System.out.println(r.line()));
            System.out.printf("engine / floor wall-time ratio: %.2f%n", rows.get(1).seconds() / rows.get(0).seconds());
        }
        int known = Integer.parseInt(o.getOrDefault("known", "1000000"));
        trademarks(work, known);
        return 0;
    }

    /** Reading, parsing and shingling every application, with the engine's threads: what no screening can beat. */
    static long floor(Path patents, int threads) {
        Shingler shingler = Shingler.standard();
        AtomicLong checksum = new AtomicLong();
        long count = 0;
        try (LineFile lines = new LineFile(patents)) {
            List<String> batch = new ArrayList<>(4096);
            LineFile.Line line;
            while (true) {
                line = lines.next();
                if (line != null) {
                    batch.add(line.text());
                }
                if (batch.size() == 4096 || (line == null && !batch.isEmpty())) {
                    List<String> b = batch;
                    checksum.addAndGet(b.parallelStream().mapToLong(l -> {
                        PatentRecord r = Jsonl.parsePatent(l);
                        return ContentProfile.of(r, shingler).shingles().length;
                    }).sum());
                    count += b.size();
                    batch = new ArrayList<>(4096);
                }
                if (line == null) {
                    break;
                }
            }
        }
        return checksum.get() >= 0 ? count : -1;
    }

    static void trademarks(Path work, int knownCount) {
        Path dir = work.resolve("trademarks-" + knownCount);
        Commands.mkdirs(dir);
        if (!Files.exists(dir.resolve("trademarks-truth.jsonl"))) {
            new TrademarkCorpusGenerator(knownCount, 20000, 11).write(dir.resolve("known.jsonl"), dir.resolve("trademarks.jsonl"),
                    dir.resolve("trademarks-truth.jsonl"));
        }
        BenchmarkRow.resetPeak();
        long t0 = System.nanoTime();
        KnownMarkIndex index = new KnownMarkIndex();
        Jsonl.read(dir.resolve("known.jsonl"), Jsonl::parseKnownMark, (KnownMark k) -> index.add(k), b -> { });
        double build = (System.nanoTime() - t0) / 1e9;
        List<TrademarkRecord> filings = new ArrayList<>();
        Jsonl.read(dir.resolve("trademarks.jsonl"), Jsonl::parseTrademark, filings::add, b -> { });
        for (int warm = 0; warm < 2; warm++) {
            filings.forEach(r -> index.lookup(r.mark(), r.applicant().name(), r.niceClasses()));
        }
        long[] nanos = new long[filings.size()];
        IntStream.range(0, filings.size()).forEach(i -> {
            TrademarkRecord r = filings.get(i);
            long s = System.nanoTime();
            index.lookup(r.mark(), r.applicant().name(), r.niceClasses());
            nanos[i] = System.nanoTime() - s;
        });
        Arrays.sort(nanos);
        System.out.println();
        System.out.printf("trademarks: index of %,d known marks built in %.1f s (peak heap %,d MB); %,d single-mark checks: "
                        + "p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", index.size(), build, BenchmarkRow.currentPeakHeapMb(), nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
    }
}
