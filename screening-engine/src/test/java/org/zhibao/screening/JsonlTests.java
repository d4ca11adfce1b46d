package org.zhibao.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhibao.screening.patent.PatentScreening;

/** A line the parser turns away says why in a form a program can word in its user's language: kind and field. */
class JsonlTests {

    @TempDir
    Path dir;

    private static final String GOOD = "{\"applicationNo\":\"CN1\",\"title\":\"一种茶叶揉捻机\",\"abstract\":\"本发明公开一种茶叶揉捻机。\"}";

    @Test
    void eachBadLineOfAPatentFileHasItsKindAndField() throws Exception {
        Path input = Files.write(dir.resolve("p.jsonl"), List.of(
                GOOD,
                "this is not JSON",
                "[1, 2]",
                "{\"title\":\"无申请号\"}",
                "{\"applicationNo\":\"CN5\",\"title\":{\"zh\":\"标题\"}}",
                "{\"applicationNo\":\"CN6\",\"ipc\":{\"a\":1}}",
                "{\"applicationNo\":\"CN7\",\"applicants\":[[\"甲公司\"]]}",
                "{\"applicationNo\":\"CN8\",\"applicants\":\"甲公司\"}",
                "{\"applicationNo\":\"CN9\",\"applicants\":[{\"name\":{\"zh\":\"甲公司\"}}]}",
                "{\"applicationNo\":\"CN10\",\"inventors\":[[\"张三\"]]}"));
        List<BadLine> bad = new ArrayList<>();
        new PatentScreening(Progress.NONE, 2).screen(input, bad::add);
        bad.sort(java.util.Comparator.comparingLong(BadLine::lineNumber));
        assertThat(bad).extracting(BadLine::lineNumber, BadLine::kind, BadLine::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, BadLine.Kind.NOT_JSON, null),
                org.assertj.core.groups.Tuple.tuple(3L, BadLine.Kind.NOT_JSON, null),
                org.assertj.core.groups.Tuple.tuple(4L, BadLine.Kind.MISSING, "applicationNo"),
                org.assertj.core.groups.Tuple.tuple(5L, BadLine.Kind.NOT_TEXT, "title"),
                org.assertj.core.groups.Tuple.tuple(6L, BadLine.Kind.NOT_A_LIST, "ipc"),
                org.assertj.core.groups.Tuple.tuple(7L, BadLine.Kind.NOT_AN_APPLICANT, "applicants"),
                org.assertj.core.groups.Tuple.tuple(8L, BadLine.Kind.NOT_A_LIST, "applicants"),
                org.assertj.core.groups.Tuple.tuple(9L, BadLine.Kind.NOT_TEXT, "applicants[].name"),
                org.assertj.core.groups.Tuple.tuple(10L, BadLine.Kind.NOT_TEXT, "inventors"));
        // the command line keeps its English reason
        assertThat(bad.get(2).toString()).isEqualTo("line 4: missing applicationNo");
    }

    @Test
    void aBadLineOfTheKnownMarksSaysSo() throws Exception {
        Path filings = Files.write(dir.resolve("t.jsonl"), List.of("{\"applicationNo\":\"T1\",\"mark\":\"茶韵\"}"));
        Path known = Files.write(dir.resolve("k.jsonl"), List.of("{\"mark\":\"茶香\",\"owner\":\"乙\"}", "{\"owner\":\"丙\"}"));
        List<BadLine> bad = new ArrayList<>();
        new org.zhibao.screening.trademark.TrademarkScreening(Progress.NONE).screen(filings, known, bad::add);
        assertThat(bad).extracting(BadLine::lineNumber, BadLine::kind, BadLine::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, BadLine.Kind.KNOWN_MARKS, "mark"));
    }

    @Test
    void trademarkDatesAndClassesAreCheckedToo() throws Exception {
        Path input = Files.write(dir.resolve("t.jsonl"), List.of(
                "{\"applicationNo\":\"T1\",\"mark\":\"茶韵\",\"filingDate\":\"2024-13-45\"}",
                "{\"applicationNo\":\"T2\",\"mark\":\"茶韵\",\"niceClasses\":[\"thirty\"]}",
                "{\"applicationNo\":\"T3\",\"filingDate\":\"2024-01-02\"}"));
        List<BadLine> bad = new ArrayList<>();
        Jsonl.read(input, Jsonl::parseTrademark, r -> { }, bad::add);
        assertThat(bad).extracting(BadLine::kind, BadLine::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BadLine.Kind.NOT_A_DATE, "filingDate"),
                org.assertj.core.groups.Tuple.tuple(BadLine.Kind.NOT_AN_INTEGER, "niceClasses"),
                org.assertj.core.groups.Tuple.tuple(BadLine.Kind.MISSING, "mark"));
    }
    /** A UTF-8 file saved by a Windows editor (byte-order mark, CRLF) with one line pasted from a GBK file. */
    private Path windowsFile(String name, String first, String gbk, String last) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((first + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write((gbk + "\r\n").getBytes(java.nio.charset.Charset.forName("GBK")));
        bytes.write((last + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void aByteOrderMarkIsReadPastAndALineInAnotherEncodingIsReportedNotScreened() throws Exception {
        Path input = windowsFile("p.jsonl", GOOD, GOOD.replace("CN1", "CN2"), GOOD.replace("CN1", "CN3"));
        List<BadLine> bad = new ArrayList<>();
        new PatentScreening(Progress.NONE, 2).screen(input, bad::add);
        // line 1 (after the mark) and line 3 are screened; line 2's Chinese is not UTF-8 and would be screened as
        // replacement characters (found as generated text, its evidence unreadable)
        assertThat(bad).extracting(BadLine::lineNumber, BadLine::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, BadLine.Kind.NOT_UTF8));
        assertThat(bad.get(0).reason()).contains("GBK");
    }

    @Test
    void aTrademarkFileWithALineInAnotherEncodingIsReadToTheEnd() throws Exception {
        Path input = windowsFile("t.jsonl", "{\"applicationNo\":\"T1\",\"mark\":\"茶韵\"}",
                "{\"applicationNo\":\"T2\",\"mark\":\"茶香\"}", "{\"applicationNo\":\"T3\",\"mark\":\"茗香\"}");
        List<BadLine> bad = new ArrayList<>();
        List<TrademarkRecord> read = new ArrayList<>();
        Jsonl.read(input, Jsonl::parseTrademark, read::add, bad::add);
        assertThat(read).extracting(TrademarkRecord::applicationNo, TrademarkRecord::mark)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", "茶韵"), org.assertj.core.groups.Tuple.tuple("T3", "茗香"));
        assertThat(bad).extracting(BadLine::lineNumber, BadLine::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, BadLine.Kind.NOT_UTF8));
    }
}
