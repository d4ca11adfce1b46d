package org.zhibao.screening.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * One line of the benchmark table: what ran, on how many records, wall time, rate, peak heap and P1 recall
 * (NaN when the contender finds nothing by design, as the floor). Other contenders (Spark MLlib) add rows.
 */
public record BenchmarkRow(String contender, long records, double seconds, long peakHeapMb, double recall) {

    public static String header() {
        return String.format("%-28s %10s %10s %12s %10s %8s", "contender", "records", "wall s", "records/s", "peak MB", "recall");
    }

    public String line() {
        return String.format("%-28s %,10d %10.3f %,12.0f %,10d %8s", contender, records, seconds, records / Math.max(seconds, 1e-9),
                peakHeapMb, Double.isNaN(recall) ? "-" : String.format("%.3f", recall));
    }

    /** Resets the heap pools' peak usage before a run. */
    public static void resetPeak() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the last reset, in MB (an upper bound of the live peak). */
    public static long currentPeakHeapMb() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
