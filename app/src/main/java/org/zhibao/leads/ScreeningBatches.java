package org.zhibao.leads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.zhibao.audit.AuditLog;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionLevel;
import org.zhibao.screening.BadLine;
import org.zhibao.screening.Jsonl;
import org.zhibao.storage.FileStore;
import org.zhibao.storage.StoredFile;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing batches of filings to screen, and following, cancelling and resuming their runs. Only officials of
 * the national and provincial offices import; they see the batches of their jurisdiction. The input is stored
 * before the import is acknowledged, so a run that fails or is interrupted can always be resumed.
 */
@Service
public class ScreeningBatches {

    /** A day's national filings are a few hundred megabytes of JSON lines. */
    static final long MAX_BYTES = 2L << 30;
    /** The first lines of a file must include one the engine can read, or it is no batch at all. */
    private static final int PROBE_LINES = 50;
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String COLUMNS = """
            id, kind, origin, file_name, lines, office_id, office_region, created_by_name, created_at, status, phase,
            stage, records_done, cancel_requested, attempts, failure, bad_lines::text as bad_lines, bad_line_count,
            findings, leads, started_at, finished_at""";

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Offices offices;
    private final AuditLog audit;
    private final ScreeningRunner runner;
    private final Path inbox;

    ScreeningBatches(JdbcClient jdbc, FileStore files, Offices offices, AuditLog audit, ScreeningRunner runner,
            @Value("${zhibao.screening.inbox-dir:${zhibao.data-dir}/filings-inbox}") Path inbox) {
        this.jdbc = jdbc;
        this.files = files;
        this.offices = offices;
        this.audit = audit;
        this.runner = runner;
        this.inbox = inbox.toAbsolutePath().normalize();
    }

    /** Whether the user may import batches: an officer, chief or director of the national or a provincial office. */
    public static boolean mayImport(ZhibaoUser user) {
        return user.isOfficial() && user.jurisdiction() != null
                && (user.has(Role.OFFICER) || user.has(Role.DIVISION_CHIEF) || user.has(Role.DIRECTOR))
                && (user.jurisdiction().root().level() == RegionLevel.NATIONAL
                        || user.jurisdiction().root().level() == RegionLevel.PROVINCE);
    }

    /** Stores an uploaded file of filings and queues its screening; answers the new batch's id. */
    public long importUpload(BatchKind kind, String fileName, InputStream content, ZhibaoUser user) {
        requireImporter(user);
        String name = cleanName(fileName);
        StoredFile stored = asUtf8(files.store(content, MAX_BYTES));
        return queue(kind, "UPLOAD", name, stored, user);
    }

    /** The files waiting in the filings inbox (the daily feed), newest first, with those already screened marked. */
    public List<InboxFile> inbox(ZhibaoUser user) {
        requireImporter(user);
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        List<String> screened = jdbc.sql("select file_name from screening_batch where origin = 'INBOX'")
                .query(String.class).list();
        try (Stream<Path> list = Files.list(inbox)) {
            return list.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jsonl"))
                    .map(p -> new InboxFile(p.getFileName().toString(), size(p), guessKind(p.getFileName().toString()),
                            screened.contains(p.getFileName().toString())))
                    .sorted(Comparator.comparing(InboxFile::name).reversed()).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file in the filings inbox. */
    public record InboxFile(String name, long bytes, BatchKind kind, boolean screened) {
    }

    /** Queues the screening of a file from the inbox; a file already screened is refused. */
    public long importInbox(String fileName, BatchKind kind, ZhibaoUser user) {
        requireImporter(user);
        Path file = inbox.resolve(fileName).normalize();
        if (!file.getParent().equals(inbox) || !Files.isRegularFile(file) || !fileName.endsWith(".jsonl")) {
            throw new LeadRefused("leads.refused.no-inbox-file", fileName);
        }
        if (jdbc.sql("select count(*) from screening_batch where origin = 'INBOX' and file_name = :f")
                .param("f", fileName).query(Long.class).single() > 0) {
            throw new LeadRefused("leads.refused.inbox-screened", fileName);
        }
        StoredFile stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = asUtf8(files.store(in, MAX_BYTES));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queue(kind, "INBOX", fileName, stored, user);
    }

    /**
     * Replaces the register of known marks trademark batches are screened against; answers how many marks it holds
     * and which lines it skipped.
     */
    public KnownMarksRead registerKnownMarks(String fileName, InputStream content, ZhibaoUser user) {
        requireImporter(user);
        StoredFile stored = asUtf8(files.store(content, MAX_BYTES));
        long[] marks = {0};
        long[] bad = {0};
        List<Long> skipped = new ArrayList<>();
        Jsonl.read(files.readablePath(stored), Jsonl::parseKnownMark, m -> marks[0]++, b -> {
            if (bad[0]++ < KEEP_SKIPPED_LINES) {
                skipped.add(b.lineNumber());
            }
        });
        if (marks[0] == 0) {
            throw new LeadRefused("leads.refused.no-marks-read", bad[0]);
        }
        jdbc.sql("""
                insert into known_mark_list (sha256, file_name, marks, uploaded_by)
                values (:sha, :name, :marks, :by)""")
                .param("sha", stored.sha256()).param("name", cleanName(fileName)).param("marks", marks[0])
                .param("by", user.username()).update();
        audit.recordForCurrentUser("leads.known-marks.register", "known-marks/" + stored.sha256(), "ok",
                Map.of("marks", String.valueOf(marks[0]), "unreadable", String.valueOf(bad[0]),
                        "file", cleanName(fileName)));
        return new KnownMarksRead(marks[0], bad[0], skipped);
    }

    /**
     * A stored file as UTF-8, the encoding JSON lines are read in: a file of GBK/GB18030 text
     * ({@link UploadEncoding}) is stored again, transcoded, and the conversion audited; any other file is kept as it
     * came, and those of its lines that are not UTF-8 are reported one by one as lines not screened (the engine's
     * {@code NOT_UTF8}).
     */
    private StoredFile asUtf8(StoredFile stored) {
        Path path = files.readablePath(stored);
        if (!UploadEncoding.isGb18030Text(path)) {
            return stored;
        }
        Path transcoded = null;
        try {
            transcoded = Files.createTempFile("zhibao-utf8-", ".jsonl");
            try (java.io.Reader in = new InputStreamReader(Files.newInputStream(path), UploadEncoding.GB18030);
                 java.io.Writer out = Files.newBufferedWriter(transcoded, StandardCharsets.UTF_8)) {
                in.transferTo(out);
            }
            StoredFile utf8;
            try (InputStream in = Files.newInputStream(transcoded)) {
                utf8 = files.store(in, MAX_BYTES);
            }
            audit.recordForCurrentUser("leads.upload.transcode", "file/" + stored.sha256(), "ok",
                    Map.of("from", UploadEncoding.GB18030.name(), "to", "UTF-8", "sha256", utf8.sha256()));
            return utf8;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            if (transcoded != null) {
                try {
                    Files.deleteIfExists(transcoded);
                }
                catch (IOException e) {
                    // a temporary file left behind; the stored copy is what counts
                }
            }
        }
    }

    /** How many skipped lines of a known-mark file are named to the officer (all are counted). */
    static final int KEEP_SKIPPED_LINES = 10;

    /** A known-mark file read: the marks registered, the lines skipped, and the first of their numbers. */
    public record KnownMarksRead(long marks, long skipped, List<Long> firstSkippedLines) {

        public KnownMarksRead {
            firstSkippedLines = List.copyOf(firstSkippedLines);
        }
    }

    /** The register of known marks in force, if any has been uploaded. */
    public Optional<KnownMarkList> knownMarks() {
        return jdbc.sql("select file_name, marks, uploaded_by, uploaded_at from known_mark_list order by id desc limit 1")
                .query((rs, n) -> new KnownMarkList(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The known-mark register: which file, how many marks, who uploaded it when. */
    public record KnownMarkList(String fileName, long marks, String uploadedBy, java.time.Instant uploadedAt) {
    }

    /** The batches of the jurisdiction, newest first (at most 200). */
    public List<BatchView> list(Jurisdiction jurisdiction) {
        return jdbc.sql("select " + COLUMNS + " from screening_batch where office_region like :scope || '%'"
                + " order by id desc limit 200").param("scope", jurisdiction.codePrefix())
                .query(ScreeningBatches::row).list();
    }

    /** One batch of the jurisdiction, with its live progress while it runs. */
    public Optional<BatchView> find(long id, Jurisdiction jurisdiction) {
        return jdbc.sql("select " + COLUMNS + " from screening_batch where id = :id and office_region like :scope || '%'")
                .param("id", id).param("scope", jurisdiction.codePrefix()).query(ScreeningBatches::row).optional()
                .map(runner::withLiveProgress);
    }

    /** Findings per rule of a batch. */
    public Map<String, Long> findingsByRule(long id, Jurisdiction jurisdiction) {
        find(id, jurisdiction).orElseThrow(LeadNotFound::new);
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select rule, count(*) from screening_finding where batch_id = :id group by rule").param("id", id)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Asks a running batch to stop; a queued one is cancelled at once. */
    public void cancel(long id, ZhibaoUser user) {
        requireImporter(user);
        BatchView batch = find(id, user.jurisdiction()).orElseThrow(LeadNotFound::new);
        if (!batch.status().active()) {
            throw new LeadRefused("leads.refused.not-running");
        }
        jdbc.sql("""
                update screening_batch set cancel_requested = true,
                    status = case when status = 'QUEUED' then 'CANCELLED' else status end,
                    finished_at = case when status = 'QUEUED' then now() else finished_at end
                where id = :id""").param("id", id).update();
        runner.cancel(id);
        audit.recordForCurrentUser("leads.batch.cancel", "screening-batch/" + id, "ok", Map.of());
    }

    /** Queues a cancelled or failed batch again: it continues from the last phase it committed. */
    public void resume(long id, ZhibaoUser user) {
        requireImporter(user);
        BatchView batch = find(id, user.jurisdiction()).orElseThrow(LeadNotFound::new);
        if (!batch.status().resumable()) {
            throw new LeadRefused("leads.refused.not-resumable");
        }
        jdbc.sql("""
                update screening_batch set status = 'QUEUED', cancel_requested = false, failure = null,
                    finished_at = null where id = :id""").param("id", id).update();
        audit.recordForCurrentUser("leads.batch.resume", "screening-batch/" + id, "ok",
                Map.of("phase", batch.phase(), "leadsAlready", String.valueOf(batch.leads())));
        runner.submit(id);
    }

    private long queue(BatchKind kind, String origin, String name, StoredFile stored, ZhibaoUser user) {
        Path path = files.readablePath(stored);
        long lines = probe(kind, path);
        String known = null;
        if (kind == BatchKind.TRADEMARKS) {
            known = jdbc.sql("select sha256 from known_mark_list order by id desc limit 1").query(String.class)
                    .optional().orElseThrow(() -> new LeadRefused("leads.refused.no-known-marks"));
        }
        OfficeView office = offices.find(user.officeId()).orElseThrow();
        long id = jdbc.sql("""
                insert into screening_batch (kind, origin, file_name, input_sha256, known_sha256, lines, office_id,
                    office_region, created_by, created_by_name, status, phase)
                values (:kind, :origin, :name, :sha, :known, :lines, :office, :region, :by, :byName, 'QUEUED', 'SCREEN')
                returning id""")
                .param("kind", kind.name()).param("origin", origin).param("name", name).param("sha", stored.sha256())
                .param("known", known).param("lines", lines).param("office", office.id())
                .param("region", office.regionCode().value()).param("by", user.accountId())
                .param("byName", user.displayName()).query(Long.class).single();
        audit.recordForCurrentUser("leads.batch.import", "screening-batch/" + id, "ok", Map.of("kind", kind.name(),
                "origin", origin, "file", name, "sha256", stored.sha256(), "lines", String.valueOf(lines)));
        runner.submit(id);
        return id;
    }

    /**
     * Counts the non-blank lines and makes sure the file is JSON lines of the kind: among its first lines at least
     * one must read as a filing, else the user picked the wrong file (or kind) and is told so, with the reason the
     * first line gave.
     */
    private static long probe(BatchKind kind, Path file) {
        long lines = 0;
        int readable = 0;
        String firstReason = null;
        int notUtf8 = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (lines == 0 && line.startsWith(Jsonl.BOM)) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                if (lines <= PROBE_LINES) {
                    try {
                        if (kind == BatchKind.PATENTS) {
                            Jsonl.parsePatent(line);
                        }
                        else {
                            Jsonl.parseTrademark(line);
                        }
                        readable++;
                    }
                    catch (RuntimeException e) {
                        if (firstReason == null) {
                            firstReason = e.getMessage();
                        }
                        notUtf8 += e instanceof Jsonl.BadRecord bad && bad.kind() == BadLine.Kind.NOT_UTF8 ? 1 : 0;
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines == 0) {
            throw new LeadRefused("leads.refused.empty");
        }
        if (readable == 0 && notUtf8 == Math.min(lines, PROBE_LINES)) {
            // not UTF-8, and not GB18030 text (that was transcoded): Big5, UTF-16, Latin-1, a binary file...
            throw new LeadRefused("leads.refused.not-utf8");
        }
        if (readable == 0) {
            throw new LeadRefused("leads.refused.not-jsonl", firstReason == null ? "" : abbreviate(firstReason));
        }
        return lines;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static BatchKind guessKind(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).contains("trademark") ? BatchKind.TRADEMARKS : BatchKind.PATENTS;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        }
        catch (IOException e) {
            return 0;
        }
    }

    static String cleanName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.jsonl" : fileName;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static void requireImporter(ZhibaoUser user) {
        if (!mayImport(user)) {
            throw new AccessDeniedException("Only officials of the national and provincial offices import batches");
        }
    }

    static BatchView row(ResultSet rs, int n) throws SQLException {
        List<BatchView.BadLineView> bad = new ArrayList<>();
        for (Map<String, Object> m : JSON.readValue(rs.getString("bad_lines"), new TypeReference<List<Map<String, Object>>>() {
        })) {
            bad.add(new BatchView.BadLineView(((Number) m.get("line")).longValue(), String.valueOf(m.get("reason")),
                    String.valueOf(m.getOrDefault("kind", "UNREADABLE")), (String) m.get("applicationNo"), (String) m.get("field")));
        }
        return new BatchView(rs.getLong("id"), BatchKind.valueOf(rs.getString("kind")), rs.getString("origin"),
                rs.getString("file_name"), rs.getLong("lines"), rs.getLong("office_id"), rs.getString("office_region"),
                rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(),
                BatchStatus.valueOf(rs.getString("status")), rs.getString("phase"), rs.getString("stage"),
                rs.getLong("records_done"), rs.getBoolean("cancel_requested"), rs.getInt("attempts"),
                rs.getString("failure"), bad, rs.getInt("bad_line_count"), rs.getInt("findings"), rs.getInt("leads"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
