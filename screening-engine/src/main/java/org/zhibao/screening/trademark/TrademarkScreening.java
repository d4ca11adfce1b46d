package org.zhibao.screening.trademark;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.zhibao.screening.BadLine;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Progress;

/** Runs T_SQUAT and T_MASS over trademark applications against known marks. */
public final class TrademarkScreening {

    private final Progress progress;

    public TrademarkScreening(Progress progress) {
        this.progress = progress;
    }

    public List<Finding> screen(Path input, Path known, Consumer<BadLine> bad) {
        return List.of();
    }
}
