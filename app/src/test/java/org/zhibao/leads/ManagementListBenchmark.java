package org.zhibao.leads;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Screening;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn verify}): a day's filings through the management
 * list — stored, screened in the background, findings saved and made leads — against the baseline of the engine
 * alone on the same file in the same JVM. Prints the figures; asserts nothing about time.
 *
 * <pre>mvn -q -pl app -am test -Dtest=ManagementListBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dzhibao.benchmark.size=20000</pre>
 */
@IntegrationTest
class ManagementListBenchmark {

    @Autowired
    ScreeningBatches batches;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;

    @Test
    void aDaysFilingsThroughTheList(@TempDir Path dir) throws Exception {
        int size = Integer.getInteger("zhibao.benchmark.size", 20_000);
        Path file = LeadFixtures.patents(dir, size, 7);
        ZhibaoUser officer = LeadFixtures.official(accounts, "bench.national", "bench",
                offices.findByRegion(RegionCode.NATIONAL).orElseThrow(), Role.OFFICER);

        // warm-up of the engine (class loading, language model), then the baseline
        Screening.patents(file, Progress.NONE, bad -> { });
        long t0 = System.nanoTime();
        List<Finding> alone = Screening.patents(file, Progress.NONE, bad -> { });
        double engine = (System.nanoTime() - t0) / 1e9;

        SecurityContextHolder.getContext().setAuthentication(TestUsers.authentication(officer));
        long t1 = System.nanoTime();
        long id;
        try (InputStream in = Files.newInputStream(file)) {
            id = batches.importUpload(BatchKind.PATENTS, "bench.jsonl", in, officer);
        }
        double stored = (System.nanoTime() - t1) / 1e9;
        SecurityContextHolder.clearContext();
        BatchView b;
        while ((b = batches.find(id, officer.jurisdiction()).orElseThrow()).status().active()) {
            Thread.sleep(50);
        }
        double total = (System.nanoTime() - t1) / 1e9;
        System.out.printf("%nmanagement list benchmark, %,d applications (%,d MB), %d cores%n", size + 3,
                Files.size(file) >> 20, Runtime.getRuntime().availableProcessors());
        System.out.printf("  engine alone (baseline, warm):    %6.1f s  %,8.0f applications/s  %,d findings%n", engine,
                size / engine, alone.size());
        System.out.printf("  import to leads (status %s):    %6.1f s  %,8.0f applications/s  %,d findings, %,d leads%n",
                b.status(), total, size / total, b.findings(), b.leads());
        System.out.printf("    of which upload stored + probed: %5.1f s; overhead over the engine: %.2fx%n", stored,
                total / engine);
    }
}
