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

    void load(PatentScreening.Corpus corpus, Progress progress) {
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
    }
}
