package org.zhibao.screening.patent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.LineFile;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Progress;

/**
 * The persisted state of incremental screening, a directory: {@code profiles.bin} (per application its number,
 * sampled shingle hashes, language measures and the offset of its line), {@code records.jsonl} (the original
 * lines, read back only for evidence) and {@code contacts.jsonl} (what P6 needs). A day's filings are profiled
 * once and appended; nothing screened before is parsed or shingled again.
 *
 * <p>The three files grow together, one entry each per application. {@code committed.properties} holds their sizes
 * after the last complete append (written after the files are forced to disk, then moved into place atomically):
 * an append cut off by a crash leaves bytes past those sizes, which are cut away before the index is read or
 * appended to, so a torn day is as if it never started (it is screened again) and every earlier one is kept.
 *
 * <p>The MinHash races' frozen weights and every application's band keys ({@link FrozenRaces}) are a generation
 * of two more files, {@code races-G.bin} (shingle hash and document frequency, two ints a record) and
 * {@code bands-G.bin} ({@link FrozenRaces#ENTRY_INTS} ints an application); a day appends to them like to the
 * others. Racing the whole index again writes generation G + 1 beside G, and the commit that names G + 1 is the
 * moment it replaces G: files of any other generation are deleted when the index is next opened.
 *
 * <p>The rests its filings were left with by their searches for the source of the rest ({@link #rests()}) are
 * appended the same way to the rests file the commit names; a filing searched again appends its new rest, and the
 * file is compacted into a new one when half its entries are replaced ones.
 */
final class PatentIndex implements AutoCloseable {

    private final Path dir;
    /** Held while the index is in use: one run at a time reads and appends it, on this machine or another. */
    private final java.nio.channels.FileChannel lockFile;
    private final java.nio.channels.FileLock lock;
    /** The generation of the frozen races the last commit named (0: none) and the corpus size it was frozen at. */
    private int generation;
    private int frozenAt;

    private PatentIndex(Path dir) throws IOException {
        this.dir = dir;
        this.lockFile = java.nio.channels.FileChannel.open(dir.resolve("index.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            this.lock = lockFile.lock();
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    /** Opens (or creates) the index in {@code dir}, waiting for any other run using it to end. */
    static PatentIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new PatentIndex(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path recordsFile() {
        Path p = dir.resolve("records.jsonl");
        try {
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static final String[] FILES = {"profiles.bin", "contacts.jsonl", "records.jsonl"};
    /** The applications' last searches for the rest (see {@link #rests()}), read by {@link #load}. */
    private Map<Integer, int[][]> rests = Map.of();
    /**
     * The file the rests are kept in, named by the last commit: {@code rests.bin}, or {@code rests-K.bin} once it
     * was compacted K times (see {@link #compactRests}).
     */
    private String restsFile = LEGACY_RESTS;
    private static final String LEGACY_RESTS = "rests.bin";
    private static final String RESTS_FILE = "rests.file";
    private static final String COMMITTED = "committed.properties";

    /**
     * Cuts each file back to its size at the last complete append. An index written before the sizes were kept
     * has no {@value #COMMITTED}: its files are taken as they are.
     */
    private void discardTornAppend() {
        Path committed = dir.resolve(COMMITTED);
        java.util.Properties sizes = new java.util.Properties();
        try {
            if (Files.exists(committed)) {
                try (var in = Files.newInputStream(committed)) {
                    sizes.load(in);
                }
            }
            generation = Integer.parseInt(sizes.getProperty(GENERATION, "0"));
            frozenAt = Integer.parseInt(sizes.getProperty(FROZEN_AT, "0"));
            restsFile = sizes.getProperty(RESTS_FILE, LEGACY_RESTS);
            try (var listing = Files.list(dir)) {
                for (Path p : listing.toList()) {
                    String name = p.getFileName().toString();
                    if (name.matches("(races|bands)-\\d+\\.bin") && !name.equals(FrozenRaces.tableFile(generation))
                            && !name.equals(FrozenRaces.keysFile(generation))) {
                        // a generation replaced, or one whose writing was cut off before its commit
                        Files.delete(p);
                    }
                    if (name.matches("rests(-\\d+)?\\.bin") && !name.equals(restsFile)) {
                        // rests compacted into a file the commit names, or a compaction cut off before its commit
                        Files.delete(p);
                    }
                }
            }
            if (!Files.exists(committed)) {
                return;
            }
            for (String file : files()) {
                Path p = dir.resolve(file);
                long size = Long.parseLong(sizes.getProperty(file, "0"));
                if (Files.exists(p) && Files.size(p) > size) {
                    try (var channel = java.nio.channels.FileChannel.open(p, StandardOpenOption.WRITE)) {
                        channel.truncate(size);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String GENERATION = "races.generation";
    private static final String FROZEN_AT = "races.frozenAt";

    /** The files whose sizes a commit records: the three, the rests and the current generation's two. */
    private List<String> files() {
        List<String> files = new java.util.ArrayList<>(List.of(FILES));
        files.add(restsFile);
        if (generation > 0) {
            files.add(FrozenRaces.tableFile(generation));
            files.add(FrozenRaces.keysFile(generation));
        }
        return files;
    }

    /**
     * Forces the files to disk, then records their sizes as the last complete append (atomically replaced), with
     * the generation of frozen races and the corpus size it was frozen at.
     */
    private void commit() throws IOException {
        java.util.Properties sizes = new java.util.Properties();
        for (String file : files()) {
            Path p = dir.resolve(file);
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
            try (var channel = java.nio.channels.FileChannel.open(p, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            sizes.setProperty(file, Long.toString(Files.size(p)));
        }
        if (generation > 0) {
            sizes.setProperty(GENERATION, Integer.toString(generation));
            sizes.setProperty(FROZEN_AT, Integer.toString(frozenAt));
        }
        sizes.setProperty(RESTS_FILE, restsFile);
        Path next = dir.resolve(COMMITTED + ".next");
        try (var out = Files.newOutputStream(next)) {
            sizes.store(out, "sizes of the index files after the last complete append");
        }
        try (var channel = java.nio.channels.FileChannel.open(next, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(next, dir.resolve(COMMITTED), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
    }

    /**
     * Forces the directory's entries to disk (a file a commit names, and the commit's move), where the platform
     * allows a directory to be opened (Linux does; elsewhere the file system's own ordering is relied on).
     */
    private void forceDirectory() {
        try (var channel = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // a directory cannot be opened here: nothing more to force
        }
    }

    /**
     * Reads the index into the corpus and returns its frozen races, or null if it has none (a new index, one
     * written before they were kept, or one whose keys do not match its applications: the day races everything).
     */
    FrozenRaces load(PatentScreening.Corpus corpus, Progress progress) {
        discardTornAppend();
        Path profiles = dir.resolve("profiles.bin");
        if (!Files.exists(profiles)) {
            return null;
        }
        progress.report("load index", 0);
        corpus.currentFile = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(profiles), 1 << 20));
             LineFile contacts = new LineFile(dir.resolve("contacts.jsonl"))) {
            long done = 0;
            while (true) {
                String applicationNo;
                try {
                    applicationNo = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                int[] shingles = readInts(in);
                double crossEntropy = in.readDouble();
                double unigramEntropy = in.readDouble();
                double contextGain = in.readDouble();
                double dangling = in.readDouble();
                int length = in.readInt();
                // a text the language model learnt from is stored with its length's complement (see append)
                var measures = new GeneratedTextRule.TextMeasures(crossEntropy, unigramEntropy, contextGain, dangling,
                        length < 0 ? ~length : length, length < 0);
                long offset = in.readLong();
                PatentRecord contact = Jsonl.parseStoredPatent(contacts.next().text());
                corpus.add(new PatentScreening.Profiled(contact, shingles, measures, offset));
                progress.report("load index", ++done);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rests = loadRests();
        return generation == 0 ? null : loadRaces(corpus.size());
    }

    /**
     * The applications' last searches for the source of their rest: application → {rest band keys, rest probe
     * hashes}. The rests file holds one entry per search (application, key count, keys, probe count, probes, as
     * ints); a later entry of an application replaces an earlier one.
     */
    Map<Integer, int[][]> rests() {
        return rests;
    }

    /**
     * Reads the rests; when replaced entries are as many as the live ones (a filing searched again on a later day
     * appends its new rest), the live ones are written to a new file first ({@link #compactRests}).
     */
    private Map<Integer, int[][]> loadRests() {
        Path file = dir.resolve(restsFile);
        Map<Integer, int[][]> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        long entries = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            while (true) {
                int doc;
                try {
                    doc = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                int[] keys = readInts(in);
                int[] probes = readInts(in);
                out.put(doc, new int[][] {keys, probes});
                entries++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries - out.size() >= out.size() && entries > out.size()) {
            compactRests(out);
        }
        return out;
    }

    /**
     * Writes the live rests to {@code rests-(K+1).bin} and commits the index naming it; the replaced file is deleted
     * after the commit (or, cut off before, when the index is next opened, like a compaction cut off before its
     * commit). The rests file never shrinks in place: a commit's recorded size always belongs to the file it names.
     */
    private void compactRests(Map<Integer, int[][]> live) {
        String old = restsFile;
        int k = old.equals(LEGACY_RESTS) ? 0 : Integer.parseInt(old.replaceAll("\\D", ""));
        String next = "rests-" + (k + 1) + ".bin";
        try {
            writeRests(next, live, StandardOpenOption.TRUNCATE_EXISTING);
            restsFile = next;
            commit();
        } catch (IOException | UncheckedIOException e) {
            // only a saving of space: the file as it was stays named (a commit that failed left the old name in
            // force; the new file is deleted now or, failing that, when the index is next opened)
            restsFile = old;
            try {
                Files.deleteIfExists(dir.resolve(next));
            } catch (IOException ignored) {
                // deleted on the next open
            }
            return;
        }
        try {
            Files.delete(dir.resolve(old));
        } catch (IOException e) {
            // deleted on the next open: the commit names the new file
        }
    }

    private FrozenRaces loadRaces(int applications) {
        try {
            Path tableFile = dir.resolve(FrozenRaces.tableFile(generation));
            Path keysFile = dir.resolve(FrozenRaces.keysFile(generation));
            int entry = FrozenRaces.ENTRY_INTS;
            if (Files.size(tableFile) % 8 != 0 || Files.size(keysFile) != 4L * entry * applications) {
                return null;
            }
            int[] hashes = new int[(int) (Files.size(tableFile) / 8)];
            int[] dfs = new int[hashes.length];
            readInts(tableFile, (i, v) -> {
                if (i % 2 == 0) {
                    hashes[(int) (i / 2)] = v;
                } else {
                    dfs[(int) (i / 2)] = v;
                }
            });
            int bands = MinHashBands.BANDS;
            int[] keys = new int[applications * bands];
            boolean[] keyed = new boolean[applications];
            readInts(keysFile, (i, v) -> {
                int d = (int) (i / entry);
                int at = (int) (i % entry);
                if (at == 0) {
                    keyed[d] = v == 1;
                } else {
                    keys[d * bands + at - 1] = v;
                }
            });
            return new FrozenRaces(frozenAt, hashes, dfs, keys, keyed);
        } catch (IOException | RuntimeException e) {
            // unreadable: the day races the whole index and writes a new generation
            return null;
        }
    }

    /** Receives the ints of a file: each one's place in the file and its value. */
    private interface IntSink {
        void accept(long place, int value);
    }

    /** Reads a file of big-endian ints in large blocks. */
    private static void readInts(Path file, IntSink sink) throws IOException {
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(1 << 22);
        int[] ints = new int[block.capacity() / 4];
        long place = 0;
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(block) >= 0 || block.position() > 0) {
                block.flip();
                int count = block.remaining() / 4;
                if (count == 0) {
                    throw new EOFException(file + " ends inside an int");
                }
                block.asIntBuffer().get(ints, 0, count);
                block.position(count * 4);
                block.compact();
                for (int k = 0; k < count; k++) {
                    sink.accept(place++, ints[k]);
                }
            }
        }
    }

    private void writeRests(String file, Map<Integer, int[][]> searched, StandardOpenOption mode) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                dir.resolve(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode), 1 << 20))) {
            for (Map.Entry<Integer, int[][]> e : new java.util.TreeMap<>(searched).entrySet()) {
                out.writeInt(e.getKey());
                for (int[] part : e.getValue()) {
                    out.writeInt(part.length);
                    for (int v : part) {
                        out.writeInt(v);
                    }
                }
            }
        }
    }

    /** Writes the day's part of the frozen races: appended to the generation, or a new generation whole. */
    private void writeRaces(FrozenRaces.Update update) throws IOException {
        int into = update.rewrite() ? generation + 1 : generation;
        StandardOpenOption mode = update.rewrite() ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        try (DataOutputStream table = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                dir.resolve(FrozenRaces.tableFile(into)), StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode),
                1 << 20));
             DataOutputStream keys = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                dir.resolve(FrozenRaces.keysFile(into)), StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode),
                1 << 20))) {
            for (int r = 0; r < update.hashes().length; r++) {
                table.writeInt(update.hashes()[r]);
                table.writeInt(update.dfs()[r]);
            }
            int bands = MinHashBands.BANDS;
            for (int d = update.from(); d < update.keyed().length; d++) {
                keys.writeInt(update.keyed()[d] ? 1 : 0);
                for (int b = 0; b < bands; b++) {
                    keys.writeInt(update.keys()[d * bands + b]);
                }
            }
        }
        generation = into;
        frozenAt = update.frozenAt();
    }

    /**
     * Adds the day's applications (in corpus order) and its part of the frozen races ({@code races}: null, none)
     * and commits them.
     */
    void append(Path input, List<PatentScreening.Profiled> fresh, FrozenRaces.Update races, Progress progress) {
        progress.report("update index", 0);
        // a torn append was cut away when the index was loaded, which every append follows
        Path records = recordsFile();
        try {
            if (!Files.exists(dir.resolve(COMMITTED))) {
                // a new index (or one from before commits were kept): its sizes now, so that a first day cut off
                // while it is written is cut away too
                commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int replaced = 0;
        try (RandomAccessFile source = new RandomAccessFile(input.toFile(), "r");
             BufferedWriter recordsOut = Files.newBufferedWriter(records, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
             BufferedWriter contactsOut = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(
                     dir.resolve("contacts.jsonl"), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                     StandardCharsets.UTF_8));
             DataOutputStream profilesOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                     dir.resolve("profiles.bin"), StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 20))) {
            long offset = Files.size(records);
            for (PatentScreening.Profiled p : fresh) {
                String line = LineFile.lineAt(source, p.offset());
                byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                recordsOut.write(line);
                recordsOut.write('\n');
                PatentRecord c = p.contacts();
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("applicationNo", c.applicationNo());
                contact.put("applicants", c.applicants());
                contact.put("agency", c.agency());
                contact.put("contactPhone", c.contactPhone());
                contact.put("contactEmail", c.contactEmail());
                contactsOut.write(Jsonl.writeValue(contact));
                contactsOut.write('\n');
                profilesOut.writeUTF(c.applicationNo());
                profilesOut.writeInt(p.shingles().length);
                for (int h : p.shingles()) {
                    profilesOut.writeInt(h);
                }
                var m = p.measures();
                profilesOut.writeDouble(m.crossEntropy());
                profilesOut.writeDouble(m.unigramEntropy());
                profilesOut.writeDouble(m.contextGain());
                profilesOut.writeDouble(m.danglingReferences());
                // the length, or its complement (~length, negative) for a text the language model learnt from: an
                // index written before the mark was kept reads as texts it did not learn from
                profilesOut.writeInt(m.modelText() ? ~m.length() : m.length());
                profilesOut.writeLong(offset);
                offset += bytes.length;
            }
            if (races != null) {
                replaced = races.rewrite() ? generation : 0;
                writeRaces(races);
                writeRests(restsFile, races.rests(), StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            commit();
            if (replaced > 0) {
                Files.deleteIfExists(dir.resolve(FrozenRaces.tableFile(replaced)));
                Files.deleteIfExists(dir.resolve(FrozenRaces.keysFile(replaced)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An int array written as its length and its values. */
    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }
}
