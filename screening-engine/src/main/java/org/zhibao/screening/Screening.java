package org.zhibao.screening;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

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

    public static List<Finding> trademarks(Path input, Path knownMarks, Progress progress, Consumer<BadLine> badLines) {
        return new TrademarkScreening(progress).screen(input, knownMarks, badLines);
    }
}
