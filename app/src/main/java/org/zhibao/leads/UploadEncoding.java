package org.zhibao.leads;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether an uploaded file is text saved in GBK/GB18030 (what Chinese editions of Windows save text in) rather than
 * UTF-8, the encoding JSON lines are read in. Bytes alone do not say: UTF-8 Chinese often decodes as valid GB18030
 * (as other characters), and so does Big5. A file is taken as GB18030 only when all of these hold:
 * <ul>
 * <li>it has no UTF-8 byte-order mark;</li>
 * <li>no line is UTF-8 with a character beyond ASCII (one such line: the file is UTF-8, and those of its lines
 * that are not are reported one by one), and some line is not UTF-8;</li>
 * <li>the whole file decodes as GB18030;</li>
 * <li>at least {@value #GB2312_SHARE} of its characters beyond ASCII are GB2312's (the 6,763 common simplified
 * characters and their punctuation): simplified Chinese saved as GBK is almost all GB2312; Big5 read as GB18030 is
 * not (half its byte pairs land outside GB2312), nor are UTF-8 bytes read as GB18030.</li>
 * </ul>
 */
final class UploadEncoding {

    static final double GB2312_SHARE = 0.95;
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GB2312 = Charset.forName("GB2312");

    private UploadEncoding() {
    }

    static boolean isGb18030Text(Path file) {
        return !utf8ByItsLines(file) && mostlyGb2312(file);
    }

    /**
     * True when the file is to be read as UTF-8: it starts with a byte-order mark, a line is UTF-8 beyond ASCII, or
     * every line is UTF-8 (ASCII or empty). Stops at the first line that settles it.
     */
    private static boolean utf8ByItsLines(Path file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        boolean someLineIsNot = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            byte[] line = new byte[4096];
            int length = 0;
            boolean first = true;
            boolean ascii = true;
            while (true) {
                int n = in.read(chunk);
                for (int k = 0; k <= Math.max(n, 0); k++) {
                    boolean end = k == n || n < 0;
                    if (end && n >= 0) {
                        break; // the chunk is read; the line goes on in the next one
                    }
                    byte b = end ? (byte) '\n' : chunk[k];
                    if (b != '\n') {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, length * 2);
                        }
                        line[length++] = b;
                        ascii &= b >= 0;
                        continue;
                    }
                    if (first && length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                            && (line[2] & 0xff) == 0xBF) {
                        return true;
                    }
                    first = false;
                    if (!ascii) {
                        try {
                            utf8.reset().decode(ByteBuffer.wrap(line, 0, length));
                            return true;
                        } catch (CharacterCodingException notUtf8) {
                            someLineIsNot = true;
                        }
                    }
                    length = 0;
                    ascii = true;
                }
                if (n < 0) {
                    return !someLineIsNot;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean mostlyGb2312(Path file) {
        CharsetEncoder gb2312 = GB2312.newEncoder();
        long beyondAscii = 0;
        long common = 0;
        try (Reader in = new InputStreamReader(Files.newInputStream(file), GB18030.newDecoder())) {
            char[] buffer = new char[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c >= 0x80) {
                        beyondAscii++;
                        if (gb2312.canEncode(c)) {
                            common++;
                        }
                    }
                }
            }
        } catch (CharacterCodingException notGb18030) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return beyondAscii > 0 && common >= GB2312_SHARE * beyondAscii;
    }
}
