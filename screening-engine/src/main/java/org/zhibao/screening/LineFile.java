package org.zhibao.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a UTF-8 text file line by line with each line's number and byte offset, so that a line can be read
 * again later by its offset alone (evidence is built only for the few flagged records).
 */
public final class LineFile implements AutoCloseable {

    private final InputStream in;
    private byte[] buffer = new byte[8192];
    private long offset;
    private long number;

    public record Line(long number, long offset, String text) {
    }

    public LineFile(Path file) {
        try {
            this.in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final byte[] chunk = new byte[1 << 20];
    private int pos;
    private int limit;

    /** The next line (without its line break), or null at the end. */
    public Line next() {
        try {
            long start = offset;
            int len = 0;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        break;
                    }
                }
                any = true;
                int from = pos;
                while (pos < limit && chunk[pos] != '\n') {
                    pos++;
                }
                int n = pos - from;
                if (len + n > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, len + n));
                }
                System.arraycopy(chunk, from, buffer, len, n);
                len += n;
                offset += n;
                if (pos < limit) {
                    pos++;
                    offset++;
                    break;
                }
            }
            if (!any && len == 0) {
                return null;
            }
            if (len > 0 && buffer[len - 1] == '\r') {
                len--;
            }
            number++;
            return new Line(number, start, new String(buffer, 0, len, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line starting at a byte offset of a file. */
    public static String lineAt(RandomAccessFile file, long offset) {
        try {
            file.seek(offset);
            byte[] buf = new byte[4096];
            int len = 0;
            int b;
            while ((b = file.read()) >= 0 && b != '\n') {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, len * 2);
                }
                buf[len++] = (byte) b;
            }
            return new String(buf, 0, len, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
