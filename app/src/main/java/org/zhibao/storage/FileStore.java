package org.zhibao.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Content-addressed file storage on a directory all instances share. A file is written under a temporary
 * name, synced, then moved into place under its SHA-256, so a reader on any instance sees either nothing or
 * the whole file, and a crash mid-upload leaves no partial file behind a name. Stored files are never
 * changed: the same content is the same file; a correction is new content, hence a new file.
 */
@Service
public class FileStore {

    private final Path root;

    FileStore(@Value("${zhibao.storage-dir}") Path root) {
        this.root = root.toAbsolutePath();
    }

    /** Stores the stream's content, refusing more than {@code maxBytes}. */
    public StoredFile store(InputStream content, long maxBytes) {
        return store(content, maxBytes, file -> {
        });
    }

    /**
     * Stores the stream's content once {@code check} has read all of it, complete, under a temporary name;
     * whatever the check throws, nothing is stored.
     */
    StoredFile store(InputStream content, long maxBytes, ContentCheck check) {
        try {
            Path incoming = Files.createDirectories(root.resolve("incoming"));
            Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC), sha256)) {
                size = copy(content, out, maxBytes);
            }
            catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            try {
                check.check(temporary);
            }
            catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            StoredFile file = new StoredFile(HexFormat.of().formatHex(sha256.digest()), size);
            Path target = pathOf(file.sha256());
            Files.createDirectories(target.getParent());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(temporary);
                if (!Files.exists(target)) {
                    throw e;
                }
            }
            if (Files.exists(temporary)) {
                // a move onto an existing name may be a no-op on some file systems: the content is the same
                Files.delete(temporary);
            }
            target.toFile().setReadOnly();
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored content; the caller closes the stream. */
    public InputStream open(StoredFile file) {
        try {
            return Files.newInputStream(pathOf(file.sha256()));
        }
        catch (NoSuchFileException e) {
            throw new StoredFileMissing(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the stored content lies, for work that reads a large file by position (the screening engine) rather
     * than as a stream. The file is read-only; it is never changed or moved.
     */
    public Path readablePath(StoredFile file) {
        Path path = pathOf(file.sha256());
        if (!Files.isRegularFile(path)) {
            throw new StoredFileMissing(file);
        }
        return path;
    }

    public boolean exists(StoredFile file) {
        return Files.isRegularFile(pathOf(file.sha256()));
    }

    private Path pathOf(String sha256) {
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new FileTooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** Reads content about to be stored and throws to refuse it. */
    @FunctionalInterface
    interface ContentCheck {
        void check(Path content) throws IOException;
    }

    /** The content was larger than allowed; nothing was stored. */
    public static class FileTooLarge extends RuntimeException {
        public FileTooLarge(long maxBytes) {
            super("More than " + maxBytes + " bytes");
        }
    }

    /** A file the database names is not in storage: storage and database have come apart. */
    public static class StoredFileMissing extends RuntimeException {
        public StoredFileMissing(StoredFile file) {
            super("Stored file missing: " + file.sha256());
        }
    }
}
