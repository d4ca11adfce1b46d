package org.zhibao.demo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.zhibao.screening.Screening;

/**
 * Puts a day's worth of sample patent applications in the filings inbox on a demo's first start, so an officer
 * of the national or a provincial office can screen them from the management list's batch page at once. They
 * are the evaluation's seeded generator's: real published abstracts mixed with planted copies, combinations,
 * generated text and split filings.
 */
@Component
@ConditionalOnProperty(name = "zhibao.demo-data", havingValue = "true")
class DemoFilings implements ApplicationRunner {

    static final String FILE = "patents-demo-2026-11-24.jsonl";
    private static final Logger log = LoggerFactory.getLogger(DemoFilings.class);

    private final Path inbox;

    DemoFilings(@Value("${zhibao.screening.inbox-dir}") Path inbox) {
        this.inbox = inbox;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path file = inbox.resolve(FILE);
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(inbox);
        Path partial = inbox.resolve(FILE + ".part");
        Screening.writeSamplePatents(partial, 2000, 2026);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.info("Demo filings for screening written to {}", file);
    }
}
