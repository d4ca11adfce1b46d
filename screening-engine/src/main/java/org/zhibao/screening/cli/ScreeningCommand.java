package org.zhibao.screening.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.zhibao.screening.BadLine;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Progress;
import org.zhibao.screening.patent.PatentScreening;
import org.zhibao.screening.trademark.TrademarkScreening;

/**
 * bin/zhibao-screen: the command-line contract.
 * <pre>
 * zhibao-screen patents    --input PATENTS.jsonl    --output FINDINGS.jsonl [--index DIR]
 * zhibao-screen trademarks --input TRADEMARKS.jsonl --known KNOWN.jsonl --output FINDINGS.jsonl
 * zhibao-screen generate   patents|trademarks --size N --seed S --output DIR
 * zhibao-screen evaluate   [--size N] [--seed S] [--edit-strength E] [--salad-min N --salad-max N | --salad-order N] [--work DIR] [--reuse true] [--patents-only true | --trademarks-only true] [--known N] [--marks N]
 * zhibao-screen benchmark  [--sizes 10000,100000] [--known 1000000] [--work DIR]
 * </pre>
 */
public final class ScreeningCommand {

    static final String USAGE = String.join("\n",
            "usage: zhibao-screen patents    --input PATENTS.jsonl    --output FINDINGS.jsonl [--index DIR]",
            "       zhibao-screen trademarks --input TRADEMARKS.jsonl --known KNOWN.jsonl --output FINDINGS.jsonl",
            "       zhibao-screen generate   --size N [--seed S] [--known N] --output DIR",
            "       zhibao-screen evaluate   [--size N] [--seed S] [--edit-strength E] [--salad-min N --salad-max N | --salad-order N] [--work DIR] [--reuse true] [--patents-only true | --trademarks-only true] [--known N] [--marks N]",
            "       zhibao-screen benchmark  [--sizes N,N...] [--known N] [--work DIR]");

    private ScreeningCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command; returns the exit status (0 done, 2 wrong arguments). */
    public static int run(String[] args) {
        if (args.length == 0) {
            return usage("no command given");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return usage("unexpected argument: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        try {
            switch (args[0]) {
                case "patents" -> {
                    if (!allowed(options, "input", "output", "index", "threads") || !present(options, "input", "output")) {
                        return usage("patents needs --input and --output");
                    }
                    return patents(options);
                }
                case "trademarks" -> {
                    if (!allowed(options, "input", "known", "output") || !present(options, "input", "known", "output")) {
                        return usage("trademarks needs --input, --known and --output");
                    }
                    return trademarks(options);
                }
                case "generate" -> {
                    return Commands.generate(options);
                }
                case "evaluate" -> {
                    return Commands.evaluate(options);
                }
                case "benchmark" -> {
                    return Commands.benchmark(options);
                }
                case "-h", "--help", "help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage("unknown command: " + args[0]);
                }
            }
        } catch (NumberFormatException e) {
            return usage("not a number: " + e.getMessage());
        }
    }

    private static int patents(Map<String, String> o) {
        Path input = Path.of(o.get("input"));
        Path output = Path.of(o.get("output"));
        Path index = o.containsKey("index") ? Path.of(o.get("index")) : null;
        String problem = firstProblem(unreadable(input), unwritable(output), overwrites(output, input),
                index != null ? notAnIndexDirectory(index) : null, index != null ? inside(output, index) : null);
        if (problem != null) {
            return usage(problem);
        }
        int threads = Integer.parseInt(o.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        PatentScreening engine = new PatentScreening(Progress.toStderr("patents"), threads);
        BadLines bad = new BadLines();
        // with an index, the findings are written before the day is added to it (see screenIncrementally)
        List<Finding> findings = index != null
                ? engine.screenIncrementally(input, index, bad, f -> Jsonl.writeFindings(output, f))
                : engine.screen(input, bad);
        if (index == null) {
            Jsonl.writeFindings(output, findings);
        }
        System.err.printf("patents: %,d findings written to %s, %,d bad lines skipped%n", findings.size(), o.get("output"),
                bad.count.get());
        return 0;
    }

    private static int trademarks(Map<String, String> o) {
        Path input = Path.of(o.get("input"));
        Path known = Path.of(o.get("known"));
        Path output = Path.of(o.get("output"));
        String problem = firstProblem(unreadable(input), unreadable(known), unwritable(output), overwrites(output, input),
                overwrites(output, known));
        if (problem != null) {
            return usage(problem);
        }
        BadLines bad = new BadLines();
        List<Finding> findings = new TrademarkScreening(Progress.toStderr("trademarks")).screen(input, known, bad);
        Jsonl.writeFindings(output, findings);
        System.err.printf("trademarks: %,d findings written to %s, %,d bad lines skipped%n", findings.size(),
                o.get("output"), bad.count.get());
        return 0;
    }

    /*
     * Checked before the run, so that a mistyped path is said at once, not after minutes of screening (the output is
     * written at the end) and not as a stack trace.
     */

    private static String firstProblem(String... problems) {
        return java.util.Arrays.stream(problems).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    static String unreadable(Path file) {
        if (Files.isDirectory(file)) {
            return "cannot read " + file + ": it is a directory, not a file";
        }
        return Files.isReadable(file) ? null : "cannot read " + file + (Files.exists(file) ? ": not readable" : ": no such file");
    }

    static String unwritable(Path file) {
        if (Files.isDirectory(file)) {
            return "cannot write " + file + ": it is a directory (name a file in it)";
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "cannot write " + file + ": no directory " + parent;
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
            return "cannot write " + file + ": permission denied";
        }
        return null;
    }

    /** The findings written over an input (a day's file is read again by offset when it is added to the index). */
    static String overwrites(Path output, Path input) {
        try {
            return Files.exists(output) && Files.isSameFile(output, input)
                    ? "--output " + output + " is the input " + input + ": the findings would overwrite it" : null;
        } catch (java.io.IOException e) {
            return null; // the unreadable or unwritable path was said already
        }
    }

    static String inside(Path output, Path index) {
        return output.toAbsolutePath().normalize().startsWith(index.toAbsolutePath().normalize())
                ? "--output " + output + " is inside the index directory " + index : null;
    }

    static String notAnIndexDirectory(Path dir) {
        return Files.exists(dir) && !Files.isDirectory(dir) ? "--index " + dir + " is a file, not a directory" : null;
    }

    static boolean allowed(Map<String, String> options, String... names) {
        return options.keySet().stream().allMatch(k -> List.of(names).contains(k));
    }

    static boolean present(Map<String, String> options, String... names) {
        return List.of(names).stream().allMatch(options::containsKey);
    }

    static int usage(String problem) {
        System.err.println("zhibao-screen: " + problem);
        System.err.println(USAGE);
        return 2;
    }

    /** Reports each unusable input line with its number on stderr. */
    static final class BadLines implements java.util.function.Consumer<BadLine> {
        final AtomicLong count = new AtomicLong();

        @Override
        public void accept(BadLine b) {
            count.incrementAndGet();
            System.err.println("bad input " + b + " (skipped)");
        }
    }
}
