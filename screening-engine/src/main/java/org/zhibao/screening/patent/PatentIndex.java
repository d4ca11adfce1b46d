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
 */
final class PatentIndex {

    private final Path dir;

    private PatentIndex(Path dir) {
        this.dir = dir;
    }

    static PatentIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PatentIndex(dir);
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
    private static final String COMMITTED = "committed.properties";

    /**
     * Cuts each file back to its size at the last complete append. An index written before the sizes were kept
     * has no {@value #COMMITTED}: its files are taken as they are.
     */
    private void discardTornAppend() {
        Path committed = dir.resolve(COMMITTED);
        if (!Files.exists(committed)) {
            return;
        }
        java.util.Properties sizes = new java.util.Properties();
        try (var in = Files.newInputStream(committed)) {
            sizes.load(in);
            for (String file : FILES) {
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

    /** Forces the files to disk, then records their sizes as the last complete append (atomically replaced). */
    private void commit() throws IOException {
        java.util.Properties sizes = new java.util.Properties();
        for (String file : FILES) {
            Path p = dir.resolve(file);
            try (var channel = java.nio.channels.FileChannel.open(p, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            sizes.setProperty(file, Long.toString(Files.size(p)));
        }
        Path next = dir.resolve(COMMITTED + ".next");
        try (var out = Files.newOutputStream(next)) {
            sizes.store(out, "sizes of the index files after the last complete append");
        }
        try (var channel = java.nio.channels.FileChannel.open(next, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(next, dir.resolve(COMMITTED), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    void load(PatentScreening.Corpus corpus, Progress progress) {
        discardTornAppend();
        Path profiles = dir.resolve("profiles.bin");
        if (!Files.exists(profiles)) {
            return;
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
                int[] shingles = new int[in.readInt()];
                for (int i = 0; i < shingles.length; i++) {
                    shingles[i] = in.readInt();
                }
                var measures = new GeneratedTextRule.TextMeasures(in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readInt());
                long offset = in.readLong();
                PatentRecord contact = Jsonl.parsePatent(contacts.next().text());
                corpus.add(new PatentScreening.Profiled(contact, shingles, measures, offset));
                progress.report("load index", ++done);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void append(Path input, List<PatentScreening.Profiled> fresh, Progress progress) {
        progress.report("update index", 0);
        // a torn append was cut away when the index was loaded, which every append follows
        Path records = recordsFile();
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
                profilesOut.writeInt(m.length());
                profilesOut.writeLong(offset);
                offset += bytes.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
