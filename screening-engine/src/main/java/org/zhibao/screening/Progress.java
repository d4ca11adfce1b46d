package org.zhibao.screening;

/** Where a long run reports how far it is: a stage name and the records done in it. */
@FunctionalInterface
public interface Progress {

    void report(String stage, long done);

    Progress NONE = (stage, done) -> {
    };

    /** Prints to stderr at most every two seconds per stage, with the rate since the stage began. */
    static Progress toStderr(String what) {
        return new Progress() {
            private String current = "";
            private long stageStart;
            private long lastPrint;
            private final long runStart = System.nanoTime();

            @Override
            public synchronized void report(String stage, long done) {
                long now = System.nanoTime();
                if (!stage.equals(current)) {
                    current = stage;
                    stageStart = now;
                    lastPrint = now;
                    System.err.printf("%s: stage %s (at %.1f s)%n", what, stage, (now - runStart) / 1e9);
                    return;
                }
                if (now - lastPrint >= 2_000_000_000L) {
                    lastPrint = now;
                    double seconds = (now - stageStart) / 1e9;
                    System.err.printf("%s: %s %,d records (%,.0f/s)%n", what, stage, done, done / Math.max(seconds, 1e-9));
                }
            }
        };
    }
}
