package org.zhibao.screening.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.corpus.Evaluation;
import org.zhibao.screening.corpus.PatentCorpusGenerator;
import org.zhibao.screening.corpus.TrademarkCorpusGenerator;
import org.zhibao.screening.patent.PatentScreening;
import org.zhibao.screening.trademark.TrademarkScreening;

/** The generate, evaluate and benchmark commands. */
final class Commands {

    private Commands() {
    }

    static int generate(Map<String, String> o) {
        if (!o.containsKey("size") || !o.containsKey("output")) {
            return ScreeningCommand.usage("generate needs --size and --output");
        }
        int size = Integer.parseInt(o.get("size"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        Path dir = Path.of(o.get("output"));
        mkdirs(dir);
        long start = System.nanoTime();
        new PatentCorpusGenerator(settings(size, seed, o)).write(dir.resolve("patents.jsonl"), dir.resolve("patents-truth.jsonl"));
        System.err.printf("generate: %,d patent applications in %s (%.1f s)%n", size, dir, (System.nanoTime() - start) / 1e9);
        int known = Integer.parseInt(o.getOrDefault("known", "100000"));
        int marks = Integer.parseInt(o.getOrDefault("marks", String.valueOf(Math.max(1000, size / 5))));
        new TrademarkCorpusGenerator(known, marks, seed).write(dir.resolve("known.jsonl"), dir.resolve("trademarks.jsonl"),
                dir.resolve("trademarks-truth.jsonl"));
        System.err.printf("generate: %,d known marks and %,d trademark filings in %s%n", known, marks, dir);
        return 0;
    }

    static PatentCorpusGenerator.Settings settings(int size, long seed, Map<String, String> o) {
        PatentCorpusGenerator.Settings d = PatentCorpusGenerator.Settings.of(size, seed);
        return new PatentCorpusGenerator.Settings(size, seed, d.duplicateGroups(), d.combinations(), d.generated(),
                d.splitControllers(), Double.parseDouble(o.getOrDefault("edit-strength", String.valueOf(d.editStrength()))),
                Integer.parseInt(o.getOrDefault("salad-min", String.valueOf(d.saladMinChunk()))),
                Integer.parseInt(o.getOrDefault("salad-max", String.valueOf(d.saladMaxChunk()))),
                Integer.parseInt(o.getOrDefault("salad-order", String.valueOf(d.saladOrder()))));
    }

    static int evaluate(Map<String, String> o) {
        int size = Integer.parseInt(o.getOrDefault("size", "20000"));
        long seed = Long.parseLong(o.getOrDefault("seed", "7"));
        Path dir = Path.of(o.getOrDefault("work", "target/evaluation"));
        mkdirs(dir);
        if ("true".equals(o.get("trademarks-only"))) {
            return evaluateTrademarks(o, dir, size, seed);
        }
        // --reuse scores a corpus generated before into the same directory (large sizes are generated once)
        boolean reused = "true".equals(o.get("reuse")) && Files.exists(dir.resolve("patents-truth.jsonl"));
        if (!reused) {
            new PatentCorpusGenerator(settings(size, seed, o)).write(dir.resolve("patents.jsonl"), dir.resolve("patents-truth.jsonl"));
        }
        List<Finding> findings = new PatentScreening(Progress.toStderr("evaluate"), Runtime.getRuntime().availableProcessors())
                .screen(dir.resolve("patents.jsonl"), b -> System.err.println("bad input " + b));
        var scores = Evaluation.score(Evaluation.readTruth(dir.resolve("patents-truth.jsonl")), findings,
                EnumSet.of(Rule.P1_DUPLICATE, Rule.P1_COMBINATION, Rule.P4_GENERATED, Rule.P6_SPLIT));
        if (reused) {
            // the corpus there may have been made by other settings, or outside the generator: say what was scored
            System.out.printf("patents: %,d lines of %s (reused)%n", lines(dir.resolve("patents.jsonl")), dir);
        } else {
            System.out.printf("patents: %,d applications, seed %d%n", size, seed);
        }
        System.out.print(Evaluation.table(scores));
        if ("true".equals(o.get("patents-only"))) {
            return 0;
        }
        return evaluateTrademarks(o, dir, size, seed);
    }

    private static int evaluateTrademarks(Map<String, String> o, Path dir, int size, long seed) {
        int known = Integer.parseInt(o.getOrDefault("known", "100000"));
        int marks = Integer.parseInt(o.getOrDefault("marks", String.valueOf(Math.max(1000, size / 2))));
        new TrademarkCorpusGenerator(known, marks, seed).write(dir.resolve("known.jsonl"), dir.resolve("trademarks.jsonl"),
                dir.resolve("trademarks-truth.jsonl"));
        List<Finding> tm = new TrademarkScreening(Progress.toStderr("evaluate")).screen(dir.resolve("trademarks.jsonl"),
                dir.resolve("known.jsonl"), b -> System.err.println("bad input " + b));
        System.out.printf("trademarks: %,d filings against %,d known marks, seed %d%n", marks, known, seed);
        System.out.print(Evaluation.table(Evaluation.score(Evaluation.readTruth(dir.resolve("trademarks-truth.jsonl")), tm,
                EnumSet.of(Rule.T_SQUAT, Rule.T_MASS))));
        System.out.print(Evaluation.kindTable(dir.resolve("trademarks-truth-kinds.jsonl"), tm, Rule.T_SQUAT));
        return 0;
    }

    static int benchmark(Map<String, String> o) {
        return Benchmark.run(o);
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
