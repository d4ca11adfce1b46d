package org.zhibao.leads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhibao.audit.AuditLog;
import org.zhibao.audit.AuditRecord;
import org.zhibao.database.SystemScope;
import org.zhibao.screening.BadLine;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Screening;
import org.zhibao.storage.FileStore;
import org.zhibao.storage.StoredFile;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.JsonNode;

/**
 * Runs batches one at a time on a thread of its own (the engine uses every core while it runs). Each phase ends
 * in a commit: SCREEN saves every finding and the filings they name in one transaction; LEADS makes leads in
 * chunks, each marking its findings done. A failure or a restart mid-run therefore loses nothing: resuming
 * repeats at most the uncommitted phase or chunk. At start-up, batches left RUNNING by a stopped instance are
 * marked FAILED (interrupted) for an officer to resume, and QUEUED ones are run. An instance started with
 * {@code zhibao.screening.runner.enabled=false} serves pages only and leaves the batches to the instances that run
 * them (the claim of a queued batch is one conditional update, so two runners never run the same batch).
 */
// runs as the system (SystemScope): a batch's leads go to offices all over the country, beyond any one scope
@Component
class ScreeningRunner {

    private static final Logger log = LoggerFactory.getLogger(ScreeningRunner.class);
    static final int CHUNK = 200;
    private static final int KEEP_BAD_LINES = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FileStore files;
    private final LeadMaker leads;
    private final AuditLog audit;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screening-runner");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    private final boolean enabled;
    /** Where patent batches are screened against every patent filing screened before; null: each alone. */
    private final Path patentIndex;

    ScreeningRunner(JdbcClient jdbc, TransactionTemplate transactions, FileStore files, LeadMaker leads, AuditLog audit,
            @org.springframework.beans.factory.annotation.Value("${zhibao.screening.runner.enabled:true}") boolean enabled,
            @org.springframework.beans.factory.annotation.Value("${zhibao.screening.against-earlier-batches:true}") boolean againstEarlier,
            @org.springframework.beans.factory.annotation.Value("${zhibao.screening.patent-index-dir:${zhibao.data-dir}/patent-index}") Path patentIndex) {
        this.enabled = enabled;
        this.patentIndex = againstEarlier ? patentIndex : null;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.files = files;
        this.leads = leads;
        this.audit = audit;
    }

    /** The engine's stage and count while a batch is screened; written to the table only at stage changes. */
    private record Live(String stage, long done) {
    }

    /** Stopped by the user: thrown from the engine's progress callback, on the runner's own thread. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    void submit(long batchId) {
        cancelled.remove(batchId);
        if (enabled) {
            executor.submit(() -> run(batchId));
        }
    }

    /** Runs a task on the runner's thread, in turn with the batches (tests hold the queue with it). */
    void execute(Runnable task) {
        executor.submit(task);
    }

    void cancel(long batchId) {
        cancelled.add(batchId);
    }

    BatchView withLiveProgress(BatchView b) {
        Live l = live.get(b.id());
        if (l == null || b.status() != BatchStatus.RUNNING) {
            return b;
        }
        return new BatchView(b.id(), b.kind(), b.origin(), b.fileName(), b.lines(), b.officeId(), b.officeRegion(),
                b.createdByName(), b.createdAt(), b.status(), b.phase(), l.stage(), l.done(), b.cancelRequested(),
                b.attempts(), b.failure(), b.badLines(), b.badLineCount(), b.findings(), b.leads(), b.startedAt(),
                b.finishedAt());
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        if (!enabled) {
            return; // batches belong to the instances that run them
        }
        markInterrupted();
        jdbc.sql("select id from screening_batch where status = 'QUEUED' order by id").query(Long.class).list()
                .forEach(this::submit);
    }

    /** Batches left RUNNING by a stopped instance: FAILED, for an officer to resume. */
    void markInterrupted() {
        int interrupted = jdbc.sql("""
                update screening_batch set status = 'FAILED', failure = 'interrupted: the server stopped during the run',
                    finished_at = now() where status = 'RUNNING'""").update();
        if (interrupted > 0) {
            log.warn("{} screening batch(es) were interrupted by a restart; they can be resumed", interrupted);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Runs one batch from the phase it reached. Package-private so tests can run phases on their own thread. */
    void run(long batchId) {
        SystemScope.call(() -> {
            runAsSystem(batchId);
            return null;
        });
    }

    private void runAsSystem(long batchId) {
        int claimed = jdbc.sql("""
                update screening_batch set status = 'RUNNING', attempts = attempts + 1,
                    started_at = coalesce(started_at, now()) where id = :id and status = 'QUEUED'""")
                .param("id", batchId).update();
        if (claimed == 0) {
            return; // cancelled while queued, or already run
        }
        Thread runner = Thread.currentThread();
        try {
            String phase = jdbc.sql("select phase from screening_batch where id = :id").param("id", batchId)
                    .query(String.class).single();
            if (phase.equals("SCREEN")) {
                screenAsSystem(batchId, runner);
            }
            makeLeadsAsSystem(batchId, Integer.MAX_VALUE, CHUNK);
            jdbc.sql("""
                    update screening_batch set status = 'DONE', phase = 'DONE', stage = null, finished_at = now()
                    where id = :id""").param("id", batchId).update();
            Map<String, Object> b = jdbc.sql("select findings, leads, office_region from screening_batch where id = :id")
                    .param("id", batchId).query().singleRow();
            audit.record(new AuditRecord("system", null, (String) b.get("office_region"), "leads.batch.done",
                    "screening-batch/" + batchId, "ok", "", Map.of("findings", String.valueOf(b.get("findings")),
                            "leads", String.valueOf(b.get("leads")))));
        }
        catch (Cancelled | java.util.concurrent.CancellationException e) {
            finish(batchId, "CANCELLED", null);
        }
        catch (RuntimeException | Error e) {
            if (cancelled.contains(batchId)) {
                finish(batchId, "CANCELLED", null); // the engine wrapped our Cancelled
            }
            else {
                log.error("Screening batch {} failed", batchId, e);
                finish(batchId, "FAILED", String.valueOf(e));
            }
        }
        finally {
            live.remove(batchId);
            cancelled.remove(batchId);
        }
    }

    private void finish(long batchId, String status, String failure) {
        jdbc.sql("""
                update screening_batch set status = :status, failure = :failure, stage = null, finished_at = now()
                where id = :id""").param("status", status).param("failure", failure).param("id", batchId).update();
        audit.record(new AuditRecord("system", null, jdbc.sql("select office_region from screening_batch where id = :id")
                .param("id", batchId).query(String.class).single(), "leads.batch." + status.toLowerCase(java.util.Locale.ROOT),
                "screening-batch/" + batchId, status.equals("FAILED") ? "failed" : "ok", "",
                failure == null ? Map.of() : Map.of("failure", failure)));
    }

    /** Phase SCREEN: the engine over the stored input; findings and the filings they name saved in one commit. */
    void screen(long batchId, Thread runner) {
        SystemScope.call(() -> {
            screenAsSystem(batchId, runner);
            return null;
        });
    }

    private void screenAsSystem(long batchId, Thread runner) {
        Map<String, Object> b = jdbc.sql("select kind, input_sha256, known_sha256, lines from screening_batch where id = :id")
                .param("id", batchId).query().singleRow();
        Path input = files.readablePath(new StoredFile((String) b.get("input_sha256"), 0));
        List<Map<String, Object>> bad = new ArrayList<>();
        int[] badCount = {0};
        String[] lastStage = {null};
        Progress progress = (stage, done) -> {
            if (Thread.currentThread() != runner) {
                return; // engine workers report too; only the runner's own thread may stop the run
            }
            if (cancelled.contains(batchId)) {
                throw new Cancelled();
            }
            live.put(batchId, new Live(stage, done));
            if (!stage.equals(lastStage[0])) {
                lastStage[0] = stage;
                jdbc.sql("update screening_batch set stage = :s, records_done = :d where id = :id").param("s", stage)
                        .param("d", done).param("id", batchId).update();
            }
        };
        java.util.function.Consumer<BadLine> badLines = line -> {
            synchronized (bad) {
                badCount[0]++;
                if (bad.size() < KEEP_BAD_LINES) {
                    Map<String, Object> entry = new java.util.LinkedHashMap<>();
                    entry.put("line", line.lineNumber());
                    entry.put("reason", line.reason());
                    entry.put("kind", line.kind().name());
                    if (line.applicationNo() != null) {
                        entry.put("applicationNo", line.applicationNo());
                    }
                    if (line.field() != null) {
                        entry.put("field", line.field());
                    }
                    bad.add(entry);
                }
            }
        };
        if (!"PATENTS".equals(b.get("kind"))) {
            List<Finding> findings = Screening.trademarks(input, files.readablePath(new StoredFile((String) b.get("known_sha256"), 0)),
                    progress, badLines);
            progress.report("save", 0);
            save(batchId, findings, subjectRecords(input, findings), bad, badCount[0]);
        }
        else if (patentIndex == null) {
            List<Finding> findings = Screening.patents(input, progress, badLines);
            progress.report("save", 0);
            save(batchId, findings, subjectRecords(input, findings), bad, badCount[0]);
        }
        else {
            indexEarlierBatches(batchId, progress);
            // the findings are committed before the engine adds the batch to the index: the server stopping in
            // between leaves a batch with findings whose filings indexEarlierBatches adds before the next one
            Screening.patentsAgainstIndex(input, patentIndex, progress, badLines, (findings, lineOf) -> {
                progress.report("save", 0);
                Map<String, String> records = new java.util.HashMap<>();
                for (Finding f : findings) {
                    for (String no : f.subjects()) {
                        String line = lineOf.apply(no);
                        if (line != null) {
                            records.putIfAbsent(no, line);
                        }
                    }
                }
                save(batchId, findings, records, bad, badCount[0]);
            });
            jdbc.sql("update screening_batch set indexed = true where id = :id").param("id", batchId).update();
        }
    }

    /**
     * Adds to the index the filings of earlier patent batches whose findings were saved but that did not reach it
     * (the server stopped in between, or they were screened before batches were screened against each other):
     * screened into it again, their findings (saved already) dropped.
     */
    private void indexEarlierBatches(long batchId, Progress progress) {
        List<Map<String, Object>> missing = jdbc.sql("""
                select id, input_sha256 from screening_batch
                where kind = 'PATENTS' and not indexed and phase in ('LEADS', 'DONE') and id <> :id order by id""")
                .param("id", batchId).query().listOfRows();
        for (Map<String, Object> earlier : missing) {
            long id = ((Number) earlier.get("id")).longValue();
            log.info("Adding the filings of screening batch {} to the patent index before batch {}", id, batchId);
            progress.report("index earlier batches", 0);
            Screening.patentsAgainstIndex(files.readablePath(new StoredFile((String) earlier.get("input_sha256"), 0)),
                    patentIndex, Progress.NONE, line -> { }, (findings, lineOf) -> { });
            jdbc.sql("update screening_batch set indexed = true where id = :id").param("id", id).update();
        }
    }

    /** The findings and the filings they name saved, and the batch moved to phase LEADS, in one transaction. */
    private void save(long batchId, List<Finding> findings, Map<String, String> records, List<Map<String, Object>> bad,
            int badCount) {
        transactions.executeWithoutResult(tx -> {
            int seq = 0;
            for (Finding f : findings) {
                jdbc.sql("""
                        insert into screening_finding (batch_id, seq, rule, subjects, score, evidence)
                        values (:batch, :seq, :rule, :subjects, :score, cast(:evidence as jsonb))""")
                        .param("batch", batchId).param("seq", seq++).param("rule", f.rule().name())
                        .param("subjects", f.subjects().toArray(String[]::new)).param("score", round(f.score()))
                        .param("evidence", ScreeningBatches.JSON.writeValueAsString(f.evidence())).update();
            }
            records.forEach((no, json) -> jdbc.sql("""
                    insert into screened_filing (batch_id, application_no, record) values (:batch, :no, cast(:r as jsonb))
                    on conflict do nothing""").param("batch", batchId).param("no", no).param("r", json).update());
            synchronized (bad) {
                jdbc.sql("""
                        update screening_batch set phase = 'LEADS', stage = null, findings = :n,
                            bad_lines = cast(:bad as jsonb), bad_line_count = :badCount where id = :id""")
                        .param("n", findings.size()).param("bad", ScreeningBatches.JSON.writeValueAsString(bad))
                        .param("badCount", badCount).param("id", batchId).update();
            }
        });
    }

    /**
     * Phase LEADS: up to {@code maxChunks} chunks of findings made leads, each chunk one transaction; stops
     * between chunks when cancelled.
     */
    void makeLeads(long batchId, int maxChunks) {
        makeLeads(batchId, maxChunks, CHUNK);
    }

    void makeLeads(long batchId, int maxChunks, int chunkSize) {
        SystemScope.call(() -> {
            makeLeadsAsSystem(batchId, maxChunks, chunkSize);
            return null;
        });
    }

    private void makeLeadsAsSystem(long batchId, int maxChunks, int chunkSize) {
        for (int chunk = 0; chunk < maxChunks; chunk++) {
            if (cancelled.contains(batchId)) {
                throw new Cancelled();
            }
            Boolean more = transactions.execute(tx -> {
                List<LeadMaker.PendingFinding> pending = jdbc.sql("""
                        select id, rule, subjects, score, evidence::text from screening_finding
                        where batch_id = :batch and lead_id is null order by seq limit :n for update""")
                        .param("batch", batchId).param("n", chunkSize)
                        .query((rs, n) -> new LeadMaker.PendingFinding(rs.getLong(1), rs.getString(2),
                                List.of((String[]) rs.getArray(3).getArray()), rs.getDouble(4), rs.getString(5)))
                        .list();
                if (pending.isEmpty()) {
                    return false;
                }
                Map<String, JsonNode> records = new java.util.HashMap<>();
                jdbc.sql("select application_no, record::text from screened_filing where batch_id = :batch"
                        + " and application_no = any(:nos)").param("batch", batchId)
                        .param("nos", pending.stream().flatMap(p -> p.subjects().stream()).distinct().toArray(String[]::new))
                        .query((rs, n) -> records.put(rs.getString(1), ScreeningBatches.JSON.readTree(rs.getString(2))))
                        .list();
                for (LeadMaker.PendingFinding p : pending) {
                    leads.fromFinding(batchId, p, records);
                }
                jdbc.sql("update screening_batch set leads = leads + :n where id = :id").param("n", pending.size())
                        .param("id", batchId).update();
                return true;
            });
            if (!Boolean.TRUE.equals(more)) {
                return;
            }
        }
    }

    /** The input lines of every application a finding names, by application number, read in one pass. */
    private static Map<String, String> subjectRecords(Path input, List<Finding> findings) {
        Set<String> wanted = new HashSet<>();
        findings.forEach(f -> wanted.addAll(f.subjects()));
        Map<String, String> records = new java.util.HashMap<>();
        // decoded as the engine decodes (a line that is not UTF-8 was reported by it, not screened)
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(input),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && records.size() < wanted.size(); line = in.readLine()) {
                // a line the engine refused as not UTF-8 may name the same application as the line it screened
                if (line.isBlank() || line.indexOf('\uFFFD') >= 0) {
                    continue;
                }
                try {
                    JsonNode node = Jsonl.readTree(line);
                    JsonNode no = node.get("applicationNo");
                    if (no != null && wanted.contains(no.asString()) && !records.containsKey(no.asString())) {
                        records.put(no.asString(), line.startsWith(Jsonl.BOM) ? line.substring(1) : line);
                    }
                }
                catch (RuntimeException unreadable) {
                    // reported by the engine already
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
