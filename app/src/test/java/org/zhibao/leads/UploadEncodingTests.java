package org.zhibao.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which uploads are GBK/GB18030 text to convert, and which are UTF-8 (or neither) to keep as they came. */
class UploadEncodingTests {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String[] LINES = {
            "{\"applicationNo\":\"TM1\",\"mark\":\"茶韵\",\"applicant\":{\"name\":\"杭州西湖茶叶有限公司\",\"address\":\"浙江省杭州市西湖区龙井路1号\"}}",
            "{\"applicationNo\":\"TM2\",\"mark\":\"康师傅\",\"applicant\":{\"name\":\"天津顶益食品有限公司\",\"address\":\"天津市经济技术开发区第三大街15号\"}}",
            "{\"applicationNo\":\"TM3\",\"mark\":\"娃哈哈\",\"applicant\":{\"name\":\"杭州娃哈哈集团有限公司\",\"address\":\"浙江省杭州市上城区清泰街160号\"}}"};

    @TempDir
    Path dir;

    private Path file(String name, byte[]... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    @Test
    void aFileSavedAsGbkIsConverted() throws Exception {
        assertThat(UploadEncoding.isGb18030Text(file("gbk.jsonl", LINES[0].getBytes(GBK), LINES[1].getBytes(GBK),
                LINES[2].getBytes(GBK)))).isTrue();
    }

    @Test
    void aUtf8FileWithOneLinePastedFromGbkIsKeptAndThatLineReported() throws Exception {
        // its UTF-8 lines read as GB18030 too (as other characters): converting would garble them all
        assertThat(UploadEncoding.isGb18030Text(file("mixed.jsonl", LINES[0].getBytes(StandardCharsets.UTF_8),
                LINES[1].getBytes(GBK), LINES[2].getBytes(StandardCharsets.UTF_8)))).isFalse();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] first = LINES[0].replaceAll("[^\\x00-\\x7f]", "x").getBytes(StandardCharsets.US_ASCII);
        byte[] withBom = new byte[bom.length + first.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(first, 0, withBom, 3, first.length);
        assertThat(UploadEncoding.isGb18030Text(file("bom.jsonl", withBom, LINES[1].getBytes(GBK)))).isFalse();
    }

    @Test
    void big5AsciiAndBytesOfNoEncodingAreNotConverted() throws Exception {
        String traditional = "{\"applicationNo\":\"TM4\",\"mark\":\"臺灣茶葉\",\"applicant\":{\"name\":\"臺灣茶葉股份有限公司\","
                + "\"address\":\"臺北市中正區重慶南路一段122號\"}}";
        Path big5 = file("big5.jsonl", traditional.getBytes(Charset.forName("Big5")));
        assertThat(UploadEncoding.isGb18030Text(big5)).isFalse();
        assertThat(UploadEncoding.isGb18030Text(file("ascii.jsonl", "{\"applicationNo\":\"TM5\",\"mark\":\"ABC\"}"
                .getBytes(StandardCharsets.US_ASCII)))).isFalse();
        assertThat(UploadEncoding.isGb18030Text(file("latin.jsonl", new byte[] {'{', (byte) 0xFF, (byte) 0x80, '}'})))
                .isFalse();
    }
}
