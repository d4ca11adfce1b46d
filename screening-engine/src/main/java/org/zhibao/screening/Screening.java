package org.zhibao.screening;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.zhibao.screening.patent.PatentScreening;
import org.zhibao.screening.trademark.TrademarkScreening;

/**
 * The engine's entry for programs embedding it (the zhibao app): screen a file of patent applications or of
 * trademark filings, as the command line does, reporting progress and bad lines to the caller. A caller that
 * wants to stop a run throws from its {@link Progress}: the run ends with that exception (possibly wrapped) and
 * leaves nothing behind.
 */
public final class Screening {

    private Screening() {
    }

    public static List<Finding> patents(Path input, Progress progress, Consumer<BadLine> badLines) {
        return new PatentScreening(progress, Runtime.getRuntime().availableProcessors()).screen(input, badLines);
    }

    /**
     * Screens a file of patent applications against the index in {@code indexDir} of every one screened into it
     * before, and adds them to it (see {@link PatentScreening#screenIncrementally}): the findings involve at least
     * one application of the file. {@code deliver} gets them, with the input line of every application they name
     * (from the file or the index), before the file is added to the index: if it throws, the index is unchanged.
     * An application the index holds already is reported as a bad line and not screened again.
     */
    public static List<Finding> patentsAgainstIndex(Path input, Path indexDir, Progress progress,
                                                    Consumer<BadLine> badLines,
                                                    BiConsumer<List<Finding>, Function<String, String>> deliver) {
        return new PatentScreening(progress, Runtime.getRuntime().availableProcessors())
                .screenIncrementally(input, indexDir, badLines, deliver);
    }

    /**
     * Writes {@code size} realistic patent applications (the evaluation's seeded generator: real abstracts mixed
     * with planted copies, combinations, generated text and split filings) to {@code file}, for demonstrations.
     */
    public static void writeSamplePatents(Path file, int size, long seed) {
        try {
            Path truth = java.nio.file.Files.createTempFile("truth", ".jsonl");
            try {
                new org.zhibao.screening.corpus.PatentCorpusGenerator(
                        org.zhibao.screening.corpus.PatentCorpusGenerator.Settings.of(size, seed)).write(file, truth);
            }
            finally {
                java.nio.file.Files.deleteIfExists(truth);
            }
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<Finding> trademarks(Path input, Path knownMarks, Progress progress, Consumer<BadLine> badLines) {
        return new TrademarkScreening(progress).screen(input, knownMarks, badLines);
    }
}
