package org.zhibao.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

/**
 * Runs that stop half-way — a crash between chunks of leads, a cancellation while the engine reads, a
 * cancellation while queued — and are resumed: nothing acknowledged is lost and nothing is made twice. The
 * background runner is off here, so the test drives each phase itself on its own thread.
 */
@IntegrationTest
@TestPropertySource(properties = "zhibao.screening.runner.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningResumeTests {

    @Autowired
    ScreeningBatches batches;
    @Autowired
    ScreeningRunner runner;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path dir;
    static Path file;
    ZhibaoUser officer;

    @BeforeAll
    void corpus() {
        file = LeadFixtures.patents(dir, 1500, 9);
        officer = LeadFixtures.official(accounts, "resume.officer", "江苏 筛查员",
                offices.findByRegion(RegionCode.of("320000")).orElseThrow(), Role.OFFICER);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private long importBatch() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.authentication(officer));
        try (InputStream in = Files.newInputStream(file)) {
            return batches.importUpload(BatchKind.PATENTS, "batch.jsonl", in, officer);
        }
        finally {
            SecurityContextHolder.clearContext(); // the counts below see every lead, as the system
        }
    }

    private BatchView batch(long id) {
        return batches.find(id, officer.jurisdiction()).orElseThrow();
    }

    private List<Long> findingIds(long id) {
        return jdbc.sql("select id from screening_finding where batch_id = :b order by seq").param("b", id)
                .query(Long.class).list();
    }

    private long leadsOf(long id) {
        return jdbc.sql("select count(*) from lead where batch_id = :b").param("b", id).query(Long.class).single();
    }

    @Test
    void aRunInterruptedWhileMakingLeadsResumesFromItsLastChunk() throws Exception {
        long id = importBatch();
        assertThat(batch(id).status()).isEqualTo(BatchStatus.QUEUED);
        // the run claims the batch, screens it, makes one chunk of 10 leads — and the server stops
        jdbc.sql("update screening_batch set status = 'RUNNING', attempts = 1 where id = :id").param("id", id).update();
        runner.screen(id, Thread.currentThread());
        runner.makeLeads(id, 1, 10);
        List<Long> findings = findingIds(id);
        assertThat(findings).hasSizeGreaterThan(10);
        assertThat(leadsOf(id)).isEqualTo(10);

        runner.markInterrupted(); // what the next start-up does
        BatchView interrupted = batch(id);
        assertThat(interrupted.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(interrupted.failure()).contains("interrupted");
        assertThat(interrupted.phase()).isEqualTo("LEADS");

        batches.resume(id, officer);
        runner.run(id);

        BatchView done = batch(id);
        assertThat(done.status()).isEqualTo(BatchStatus.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        // not screened again: the same findings, each made a lead exactly once
        assertThat(findingIds(id)).isEqualTo(findings);
        assertThat(leadsOf(id)).isEqualTo(findings.size());
        assertThat(done.leads()).isEqualTo(findings.size());
        assertThat(jdbc.sql("select count(distinct finding_id) from lead where batch_id = :b").param("b", id)
                .query(Long.class).single()).isEqualTo(findings.size());
    }

    @Test
    void aRunCancelledWhileReadingKeepsItsInputAndCompletesWhenResumed() throws Exception {
        long id = importBatch();
        runner.cancel(id); // the officer pressed cancel as the run started
        runner.run(id);
        BatchView cancelled = batch(id);
        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(cancelled.phase()).isEqualTo("SCREEN");
        assertThat(findingIds(id)).isEmpty();

        batches.resume(id, officer);
        runner.run(id);
        BatchView done = batch(id);
        assertThat(done.status()).isEqualTo(BatchStatus.DONE);
        assertThat(done.findings()).isPositive().isEqualTo(done.leads());
        assertThat(done.badLineCount()).isEqualTo(1);
    }

    @Test
    void aQueuedBatchIsCancelledAtOnceAndOnlyAnEndedOneResumes() throws Exception {
        long id = importBatch();
        try {
            batches.resume(id, officer);
            throw new AssertionError("a queued batch cannot be resumed");
        }
        catch (LeadRefused expected) {
            assertThat(expected.messageCode()).isEqualTo("leads.refused.not-resumable");
        }
        batches.cancel(id, officer);
        assertThat(batch(id).status()).isEqualTo(BatchStatus.CANCELLED);
        runner.run(id); // a runner that picks it up later leaves it alone
        assertThat(batch(id).status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'leads.batch.cancel' and object = :o")
                .param("o", "screening-batch/" + id).query(Long.class).single()).isEqualTo(1);
    }
}
