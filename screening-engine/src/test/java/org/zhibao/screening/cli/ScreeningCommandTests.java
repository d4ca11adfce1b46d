package org.zhibao.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.patent.PatentScreening;

class ScreeningCommandTests {

    @TempDir
    Path dir;

    static final String ABSTRACT = "本发明公开了一种基于深度学习的图像识别方法，包括获取待识别图像，提取图像的多尺度特征，"
            + "将多尺度特征输入预先训练的卷积神经网络模型，得到识别结果，并根据识别结果更新模型参数，提高识别准确率。";

    static String patent(String no, String text, String applicant, String phone) {
        return "{\"applicationNo\":\"" + no + "\",\"kind\":\"INVENTION\",\"title\":\"图像识别方法\",\"abstract\":\"" + text
                + "\",\"claims\":\"\",\"applicants\":[{\"name\":\"" + applicant + "\",\"address\":\"\",\"creditCode\":\"\"}],"
                + "\"contactPhone\":\"" + phone + "\",\"unknownField\":1}";
    }

    @Test
    void reportsABadLineWithItsNumberAndStillWritesTheFindings() throws Exception {
        Path input = dir.resolve("p.jsonl");
        Path output = dir.resolve("f.jsonl");
        Files.writeString(input, String.join("\n",
                CN1,
                "{not json",
                CN2,
                CN3));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output", output.toString()});
        } finally {
            System.setErr(old);
        }
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2");
        List<Finding> findings = Files.readAllLines(output).stream().map(Jsonl::parseFinding).toList();
        Finding dup = findings.stream().filter(f -> f.rule() == Rule.P1_DUPLICATE).findFirst().orElseThrow();
        assertThat(dup.subjects()).containsExactly("CN1", "CN2");
        assertThat(dup.score()).isBetween(0.5, 1.0);
        assertThat(dup.evidence()).containsKeys("similarity", "pairs");
        assertThat(Files.readAllLines(output).get(0)).startsWith("{\"rule\":");
    }

    static final String OTHER = "本发明提供一种锂电池热管理系统，包括冷却板、温度传感器和液冷泵，控制单元根据各电芯温度差调节冷却液流量，"
            + "使电池包温度均匀，延长电池寿命，并在温度超过阈值时切断充电回路。";

    /** Filings the incremental tests share: CN2 is an edited copy of CN1; the others are unrelated. */
    static final String CN1 = patent("CN1", ABSTRACT, "甲", "13800000001");
    static final String CN2 = patent("CN2", ABSTRACT.replace("获取", "获得").replace("提高", "提升"), "乙", "13800000002");
    static final String CN3 = patent("CN3", "本发明涉及一种车辆座椅调节装置，包括滑轨、电机和控制器，控制器根据乘员体重自动调节座椅高度。",
            "丙", "13800000003");
    static final String CN5 = patent("CN5", OTHER, "丁", "13800000005");
    static final String CN7 = patent("CN7", "本发明公开一种茶叶揉捻机，包括机架、揉桶和压盖，压盖由气缸驱动，揉捻压力随茶叶含水率自动变化。",
            "己", "13800000007");

    @Test
    void findsADayTwoCopyOfADayOneFilingFromTheIndexWithoutTheDayOneFile() throws Exception {
        Path index = dir.resolve("index");
        Path day1 = file("day1.jsonl", CN1, CN3, CN5,
                patent("CN6", OTHER.replace("延长", "增加").replace("提供", "公开"), "戊", "13800000006"));
        assertThat(screen(day1, dir.resolve("f1.jsonl"), index)).isZero();
        List<Finding> first = read(dir.resolve("f1.jsonl"));
        assertThat(first).anyMatch(f -> f.rule() == Rule.P1_DUPLICATE && f.subjects().equals(List.of("CN5", "CN6")));

        // the index alone must carry day 1: its input file is gone when day 2 is screened
        Files.delete(day1);
        Path day2 = file("day2.jsonl", CN2, CN7);
        assertThat(screen(day2, dir.resolve("f2.jsonl"), index)).isZero();
        List<Finding> second = read(dir.resolve("f2.jsonl"));
        Finding dup = second.stream().filter(f -> f.rule() == Rule.P1_DUPLICATE).findFirst().orElseThrow();
        assertThat(dup.subjects()).containsExactly("CN1", "CN2");
        // evidence of the day-1 filing comes from the index's own copy of its line
        assertThat(dup.evidence()).containsKeys("similarity", "pairs");
        // day 1's own finding is not reported again: it involves no new filing
        assertThat(second).noneMatch(f -> f.subjects().contains("CN5"));
    }

    @Test
    void theDeliveryIsGivenTheLinesOfTheFilingsNamedFromTheDayAndFromTheIndex() throws Exception {
        Path index = dir.resolve("lines-index");
        PatentScreening engine = new PatentScreening(Progress.NONE, 2);
        engine.screenIncrementally(file("l1.jsonl", CN1, CN3), index, b -> { });
        java.util.Map<String, String> lines = new java.util.HashMap<>();
        engine.screenIncrementally(file("l2.jsonl", CN2, CN7), index, b -> { }, (findings, lineOf) -> {
            for (Finding f : findings) {
                f.subjects().forEach(no -> lines.put(no, lineOf.apply(no)));
            }
            lines.put("CN404", lineOf.apply("CN404"));
        });
        // CN1's line comes from the index (day 1's file may be gone), CN2's from the day's file
        assertThat(lines).containsEntry("CN1", CN1).containsEntry("CN2", CN2);
        assertThat(lines.get("CN404")).isNull();
    }

    @Test
    void aDayFileStartingWithAByteOrderMarkGivesItsLinesAndTheIndexWithoutIt() throws Exception {
        Path index = dir.resolve("bom-index");
        PatentScreening engine = new PatentScreening(Progress.NONE, 2);
        engine.screenIncrementally(file("b1.jsonl", CN1, CN3), index, b -> { });
        // the mark is the day file's first bytes, before CN2's line
        Path day = file("b2.jsonl", "\uFEFF" + CN2, CN7);
        java.util.Map<String, String> lines = new java.util.HashMap<>();
        List<org.zhibao.screening.BadLine> bad = new java.util.ArrayList<>();
        engine.screenIncrementally(day, index, bad::add, (findings, lineOf) -> {
            for (Finding f : findings) {
                f.subjects().forEach(no -> lines.put(no, lineOf.apply(no)));
            }
        });
        assertThat(bad).isEmpty();
        assertThat(lines).containsEntry("CN1", CN1).containsEntry("CN2", CN2);
        // the index's copy of the day's first line starts where the line does
        assertThat(Files.readAllLines(index.resolve("records.jsonl"))).containsExactly(CN1, CN3, CN2, CN7);
    }

    @Test
    void aDayCutOffWhileTheIndexWasWrittenIsAsIfItNeverStarted() throws Exception {
        Path index = dir.resolve("torn-index");
        Path day1 = file("torn-day1.jsonl", CN1, CN5);
        assertThat(screen(day1, dir.resolve("t1.jsonl"), index)).isZero();
        // a crash in the middle of the next day's append: a profile begun but not finished, half a line in the
        // contacts and the records
        try (var out = new DataOutputStream(Files.newOutputStream(index.resolve("profiles.bin"),
                StandardOpenOption.APPEND))) {
            out.writeUTF("CN9");
            out.writeInt(1000);
        }
        Files.writeString(index.resolve("contacts.jsonl"), "{\"applicationNo\":\"CN9\",\"appl",
                StandardOpenOption.APPEND);
        Files.writeString(index.resolve("records.jsonl"), "{\"applicationNo\":\"CN9\"",
                StandardOpenOption.APPEND);

        Path day2 = file("torn-day2.jsonl", CN2);
        assertThat(screen(day2, dir.resolve("t2.jsonl"), index)).isZero();
        assertThat(read(dir.resolve("t2.jsonl")))
                .anyMatch(f -> f.rule() == Rule.P1_DUPLICATE && f.subjects().equals(List.of("CN1", "CN2")));
        // the torn entry is gone, day 2 is in: three records, the copy of each line complete
        assertThat(Files.readAllLines(index.resolve("records.jsonl"))).hasSize(3)
                .allSatisfy(line -> assertThat(Jsonl.parsePatent(line).applicationNo()).isIn("CN1", "CN5", "CN2"));
        assertThat(Files.readAllLines(index.resolve("contacts.jsonl"))).hasSize(3);
    }

    @Test
    void aDayWhoseFindingsCouldNotBeWrittenIsNotAddedToTheIndex() throws Exception {
        Path index = dir.resolve("undelivered-index");
        // other filings too: weights need a corpus (a shingle all applications hold weighs nothing)
        Path day1 = file("undelivered-day1.jsonl", CN1, CN3, CN5);
        assertThat(screen(day1, dir.resolve("u1.jsonl"), index)).isZero();
        Path day2 = file("undelivered-day2.jsonl",
                patent("CN2", ABSTRACT.replace("获取", "获得"), "乙", "13800000002"));
        var engine = new PatentScreening(Progress.NONE, 2);
        assertThatThrownBy(() -> engine.screenIncrementally(day2, index, b -> { },
                findings -> {
                    throw new IllegalStateException("disk full");
                })).hasMessage("disk full");
        assertThat(Files.readAllLines(index.resolve("records.jsonl"))).hasSize(3);
        // screened again, the day's finding is there
        assertThat(screen(day2, dir.resolve("u2.jsonl"), index)).isZero();
        assertThat(read(dir.resolve("u2.jsonl")))
                .anyMatch(f -> f.rule() == Rule.P1_DUPLICATE && f.subjects().equals(List.of("CN1", "CN2")));
    }

    @Test
    void aDayScreenedTwiceIsAddedToTheIndexOnce() throws Exception {
        Path index = dir.resolve("twice-index");
        Path day1 = file("twice-day1.jsonl", CN3, CN5);
        assertThat(screen(day1, dir.resolve("w1.jsonl"), index)).isZero();
        Path day2 = file("twice-day2.jsonl", CN1, CN7);
        assertThat(screen(day2, dir.resolve("w2.jsonl"), index)).isZero();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(screen(day2, dir.resolve("w3.jsonl"), index)).isZero();
        } finally {
            System.setErr(err);
        }
        // not found again as copies of themselves, nor added twice; each reported with its line
        assertThat(read(dir.resolve("w3.jsonl"))).isEmpty();
        assertThat(Files.readAllLines(index.resolve("records.jsonl"))).hasSize(4);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("line 1: application CN1 is in the index already")
                .contains("line 2: application CN7 is in the index already");
    }

    @Test
    void anApplicationNumberRepeatedInOneFileIsScreenedOnceAndTheRepeatReported() throws Exception {
        Path input = file("repeated.jsonl", CN3, CN5, CN3);
        Path output = dir.resolve("repeated-findings.jsonl");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output",
                    output.toString()})).isZero();
        } finally {
            System.setErr(err);
        }
        // the repeat is no copy of the filing: no finding names CN3 twice or pairs it with itself
        assertThat(read(output)).noneMatch(f -> f.rule() == Rule.P1_DUPLICATE && f.subjects().contains("CN3"));
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("line 3: application CN3 is on line 1 already");
    }

    /** A JSON-lines file of the given filings, one a line. */
    private Path file(String name, String... filings) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", filings));
        return p;
    }

    private static int screen(Path input, Path output, Path index) {
        return ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output", output.toString(),
                "--index", index.toString()});
    }

    private static List<Finding> read(Path findings) throws Exception {
        return Files.readAllLines(findings).stream().map(Jsonl::parseFinding).toList();
    }

    @Test
    void refusesWrongArgumentsWithUsageAndStatusTwo() {
        assertThat(ScreeningCommand.run(new String[] {"patents", "--input", "x.jsonl"})).isEqualTo(2);
        assertThat(ScreeningCommand.run(new String[] {"trademarks", "--input", "a", "--output", "b"})).isEqualTo(2);
        assertThat(ScreeningCommand.run(new String[] {"frobnicate"})).isEqualTo(2);
    }
    @Test
    void evaluateScoresACorpusMadeElsewhereAndSaysWhatItScored() throws Exception {
        Path work = dir.resolve("made-elsewhere");
        Files.createDirectories(work);
        Files.writeString(work.resolve("patents.jsonl"), String.join("\n", CN1, CN2, CN3) + "\n");
        Files.writeString(work.resolve("patents-truth.jsonl"), "{\"rule\":\"P1_DUPLICATE\",\"subjects\":[\"CN1\",\"CN2\"]}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ScreeningCommand.run(new String[] {"evaluate", "--patents-only", "true", "--reuse", "true",
                    "--work", work.toString()});
        } finally {
            System.setOut(old);
        }
        assertThat(status).isZero();
        // not the generator's default size and seed, which were not used
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("patents: 3 lines of " + work + " (reused)")
                .doesNotContain("seed").containsPattern("P1_DUPLICATE +1 +1 +1\\.000 +1\\.000");
        assertThat(Files.readAllLines(work.resolve("patents.jsonl"))).hasSize(3);
    }

    @Test
    void aPathThatCannotBeReadOrWrittenIsSaidBeforeTheRun() throws Exception {
        Path input = file("paths.jsonl", CN1, CN3);
        Path known = Files.writeString(dir.resolve("paths-known.jsonl"), "{\"mark\":\"茶韵\"}\n");
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // before, a missing output directory was found after the whole run, as a stack trace
            assertThat(ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output",
                    dir.resolve("no-such-dir/f.jsonl").toString()})).isEqualTo(2);
            assertThat(ScreeningCommand.run(new String[] {"patents", "--input", dir.toString(), "--output",
                    dir.resolve("f.jsonl").toString()})).isEqualTo(2);
            assertThat(ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output",
                    dir.toString()})).isEqualTo(2);
            assertThat(ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output",
                    dir.resolve("f.jsonl").toString(), "--index", input.toString()})).isEqualTo(2);
            assertThat(ScreeningCommand.run(new String[] {"trademarks", "--input", input.toString(), "--known",
                    dir.resolve("missing-known.jsonl").toString(), "--output", dir.resolve("t.jsonl").toString()})).isEqualTo(2);
            assertThat(ScreeningCommand.run(new String[] {"trademarks", "--input", input.toString(), "--known",
                    known.toString(), "--output", dir.resolve("nowhere/t.jsonl").toString()})).isEqualTo(2);
            // the findings written over the day's file, which is read again (by offset) to add it to the index
            assertThat(ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output",
                    input.toString(), "--index", dir.resolve("same-index").toString()})).isEqualTo(2);
            Files.createDirectories(dir.resolve("in-index"));
            assertThat(ScreeningCommand.run(new String[] {"patents", "--input", input.toString(), "--output",
                    dir.resolve("in-index/f.jsonl").toString(), "--index", dir.resolve("in-index").toString()}))
                    .isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("cannot write " + dir.resolve("no-such-dir/f.jsonl") + ": no directory " + dir.resolve("no-such-dir"))
                .contains("cannot read " + dir + ": it is a directory, not a file")
                .contains("cannot write " + dir + ": it is a directory (name a file in it)")
                .contains("--index " + input + " is a file, not a directory")
                .contains("cannot read " + dir.resolve("missing-known.jsonl") + ": no such file")
                .contains("cannot write " + dir.resolve("nowhere/t.jsonl") + ": no directory")
                .contains("--output " + input + " is the input " + input + ": the findings would overwrite it")
                .contains("--output " + dir.resolve("in-index/f.jsonl") + " is inside the index directory " + dir.resolve("in-index"))
                .doesNotContain("Exception");
        assertThat(dir.resolve("f.jsonl")).doesNotExist();
    }
}
