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
 * again later by its offset alone (evidence is built only for the few flagged records). A byte-order mark at the
 * start of the file is not part of the first line. Bytes that are not UTF-8 are decoded as U+FFFD (the parser
 * reports such a line).
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
            int from = 0;
            if (number == 1 && len >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                // a byte-order mark (editors on Windows start a UTF-8 file with one): the line starts after it
                from = 3;
            }
            return new Line(number, start + from, new String(buffer, from, len - from, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The line starting at a byte offset of a file. Read in blocks: a read of one byte is a system call, and
     * evidence reads back thousands of lines.
     */
    public static String lineAt(RandomAccessFile file, long offset) {
        try {
            file.seek(offset);
            byte[] buf = new byte[8192];
            int len = 0;
            while (true) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, len * 2);
                }
                int n = file.read(buf, len, buf.length - len);
                if (n <= 0) {
                    break;
                }
                for (int i = len; i < len + n; i++) {
                    if (buf[i] == '\n') {
                        return decode(buf, i);
                    }
                }
                len += n;
            }
            return decode(buf, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(byte[] buf, int len) {
        if (len > 0 && buf[len - 1] == '\r') {
            len--;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
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
