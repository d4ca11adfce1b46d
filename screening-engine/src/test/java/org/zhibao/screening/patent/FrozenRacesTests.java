package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.corpus.Evaluation;
import org.zhibao.screening.corpus.PatentCorpusGenerator;

/** Incremental days race their own filings only, under the weights frozen in the index ({@link FrozenRaces}). */
class FrozenRacesTests {

    @TempDir
    Path dir;

    private final PatentScreening engine = new PatentScreening(Progress.NONE, 2);

    @Test
    void aDayRacesOnlyItsOwnFilingsAndFindsWhatAWholeRunFindsOfIt() throws Exception {
        // a tenth of the filings, drawn at random, come on day 2 (the generator writes related filings together)
        List<String> lines = shuffledCorpus(3000);
        Path day1 = Files.write(dir.resolve("day1.jsonl"), lines.subList(0, 2700));
        Path day2 = Files.write(dir.resolve("day2.jsonl"), lines.subList(2700, lines.size()));
        Path index = dir.resolve("index");

        engine.screenIncrementally(day1, index, bad -> { });
        assertThat(committed(index)).containsEntry("races.generation", "1").containsEntry("races.frozenAt", "2700");
        byte[] keys1 = Files.readAllBytes(index.resolve("bands-1.bin"));
        byte[] table1 = Files.readAllBytes(index.resolve("races-1.bin"));
        byte[] rests1 = Files.readAllBytes(index.resolve("rests.bin"));
        assertThat(rests1).isNotEmpty();
        assertThat(keys1).hasSize(2700 * FrozenRaces.ENTRY_INTS * 4);

        List<Finding> findings = engine.screenIncrementally(day2, index, bad -> { });
        // 3,000 < 1.25 × 2,700: the weights stay frozen, day 1's keys are kept as they were and the day's appended
        assertThat(committed(index)).containsEntry("races.generation", "1").containsEntry("races.frozenAt", "2700");
        byte[] keys2 = Files.readAllBytes(index.resolve("bands-1.bin"));
        assertThat(keys2).hasSize(3000 * FrozenRaces.ENTRY_INTS * 4);
        assertThat(Arrays.copyOf(keys2, keys1.length)).isEqualTo(keys1);
        // the shingles first seen on day 2 are recorded with the frequency they raced with
        byte[] table2 = Files.readAllBytes(index.resolve("races-1.bin"));
        assertThat(table2.length).isGreaterThan(table1.length);
        assertThat(Arrays.copyOf(table2, table1.length)).isEqualTo(table1);
        // the day's searches for the rest are kept after day 1's, for later days to look their filings up in
        byte[] rests2 = Files.readAllBytes(index.resolve("rests.bin"));
        assertThat(rests2.length).isGreaterThan(rests1.length);
        assertThat(Arrays.copyOf(rests2, rests1.length)).isEqualTo(rests1);

        // the day's findings are a whole run's that involve a day-2 filing (before the index's pairs of its involved
        // filings were searched, 6 of the 12 combinations were missing and two combinations were taken for copies)
        Set<String> dayTwo = new HashSet<>();
        for (String line : lines.subList(2700, lines.size())) {
            dayTwo.add(Jsonl.parsePatent(line).applicationNo());
        }
        Set<String> whole = new HashSet<>();
        for (Finding f : engine.screen(Files.write(dir.resolve("all.jsonl"), lines), bad -> { })) {
            if (f.subjects().stream().anyMatch(dayTwo::contains)) {
                whole.add(f.rule() + " " + f.subjects());
            }
        }
        Set<String> day = new HashSet<>();
        for (Finding f : findings) {
            day.add(f.rule() + " " + f.subjects());
        }
        assertThat(day).isEqualTo(whole);
        assertThat(findings).filteredOn(f -> f.rule() == Rule.P1_DUPLICATE).hasSizeGreaterThanOrEqualTo(10);
        assertThat(findings).filteredOn(f -> f.rule() == Rule.P1_COMBINATION).hasSizeGreaterThanOrEqualTo(10);
    }

    /** Five small filings: the second is an edited copy of the first. */
    private static final String TEXT = "本发明公开了一种基于深度学习的图像识别方法，包括获取待识别图像，提取图像的多尺度特征，"
            + "将多尺度特征输入预先训练的卷积神经网络模型，得到识别结果，并根据识别结果更新模型参数，提高识别准确率。";

    private static String filing(String no, String text) {
        return "{\"applicationNo\":\"" + no + "\",\"kind\":\"INVENTION\",\"title\":\"方法\",\"abstract\":\"" + text
                + "\",\"claims\":\"\",\"applicants\":[{\"name\":\"" + no + "公司\"}]}";
    }

    @Test
    void aGrownCorpusRacesAgainAsANewGenerationAndATornOneIsCutAway() throws Exception {
        Path index = dir.resolve("grown");
        engine.screenIncrementally(Files.write(dir.resolve("a.jsonl"), List.of(
                filing("CN1", TEXT), filing("CN3", "本发明涉及一种车辆座椅调节装置，包括滑轨、电机和控制器，控制器根据乘员体重自动调节座椅高度。"),
                filing("CN5", "本发明提供一种锂电池热管理系统，包括冷却板、温度传感器和液冷泵，控制单元调节冷却液流量。"))),
                index, bad -> { });
        assertThat(committed(index)).containsEntry("races.generation", "1").containsEntry("races.frozenAt", "3");

        // 5 ≥ 1.25 × 3: everything races again under today's weights, written as generation 2 (1 is deleted)
        List<Finding> found = engine.screenIncrementally(Files.write(dir.resolve("b.jsonl"), List.of(
                filing("CN2", TEXT.replace("获取", "获得").replace("提高", "提升")),
                filing("CN7", "本发明公开一种茶叶揉捻机，包括机架、揉桶和压盖，压盖由气缸驱动，揉捻压力随茶叶含水率自动变化。"))),
                index, bad -> { });
        assertThat(found).anyMatch(f -> f.rule() == Rule.P1_DUPLICATE && f.subjects().equals(List.of("CN1", "CN2")));
        assertThat(committed(index)).containsEntry("races.generation", "2").containsEntry("races.frozenAt", "5");
        assertThat(index.resolve("bands-1.bin")).doesNotExist();
        assertThat(index.resolve("races-1.bin")).doesNotExist();
        assertThat(Files.size(index.resolve("bands-2.bin"))).isEqualTo(5L * FrozenRaces.ENTRY_INTS * 4);

        // a re-race cut off before its commit left generation 3 behind, and an append to 2 was torn
        Files.write(index.resolve("races-3.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.write(index.resolve("bands-3.bin"), new byte[] {1, 2, 3, 4});
        Files.write(index.resolve("bands-2.bin"), new byte[] {0, 0, 0, 1, 9}, StandardOpenOption.APPEND);
        engine.screenIncrementally(Files.write(dir.resolve("c.jsonl"), List.of(filing("CN8", TEXT.replace("图像", "影像")))),
                index, bad -> { });
        assertThat(index.resolve("races-3.bin")).doesNotExist();
        assertThat(index.resolve("bands-3.bin")).doesNotExist();
        // 6 < 1.25 × 5: appended to generation 2 after the torn bytes were cut away
        assertThat(committed(index)).containsEntry("races.generation", "2");
        assertThat(Files.size(index.resolve("bands-2.bin"))).isEqualTo(6L * FrozenRaces.ENTRY_INTS * 4);
    }

    @Test
    void restsReplacedAsOftenAsTheyAreLiveAreCompactedIntoAFileTheCommitNames() throws Exception {
        List<String> lines = shuffledCorpus(2000);
        Path day2 = Files.write(dir.resolve("day2.jsonl"), lines.subList(1800, lines.size()));
        Path index = dir.resolve("index");
        engine.screenIncrementally(Files.write(dir.resolve("day1.jsonl"), lines.subList(0, 1800)), index, bad -> { });
        Path twin = dir.resolve("twin");
        copy(index, twin);
        byte[] live = Files.readAllBytes(index.resolve("rests.bin"));
        assertThat(live).isNotEmpty();
        // every filing searched again with the same rest: each entry written twice, half of them replaced
        Files.write(index.resolve("rests.bin"), live, StandardOpenOption.APPEND);
        Properties sizes = committed(index);
        sizes.setProperty("rests.bin", Long.toString(2L * live.length));
        try (var out = Files.newOutputStream(index.resolve("committed.properties"))) {
            sizes.store(out, null);
        }
        // and a compaction cut off before its commit
        Files.write(index.resolve("rests-7.bin"), new byte[] {1, 2, 3});

        List<Finding> found = engine.screenIncrementally(day2, index, bad -> { });

        assertThat(index.resolve("rests.bin")).doesNotExist();
        assertThat(index.resolve("rests-7.bin")).doesNotExist();
        assertThat(committed(index)).containsEntry("rests.file", "rests-1.bin");
        byte[] compacted = Files.readAllBytes(index.resolve("rests-1.bin"));
        // the live entries once each, then the day's
        assertThat(Arrays.copyOf(compacted, live.length)).isEqualTo(live);
        assertThat(committed(index)).containsEntry("rests-1.bin", Long.toString(compacted.length));
        // the same day on the same index without the replaced entries finds the same
        assertThat(found).isEqualTo(engine.screenIncrementally(day2, twin, bad -> { }));
        assertThat(Files.readAllBytes(twin.resolve("rests.bin"))).isEqualTo(compacted);
    }

    /** The generator's filings (seed 5) in a random order. */
    private List<String> shuffledCorpus(int size) throws Exception {
        new PatentCorpusGenerator(PatentCorpusGenerator.Settings.of(size, 5))
                .write(dir.resolve("p.jsonl"), dir.resolve("t.jsonl"));
        List<String> lines = Files.readAllLines(dir.resolve("p.jsonl"));
        java.util.Collections.shuffle(lines, new java.util.Random(3));
        return lines;
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static Properties committed(Path index) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(index.resolve("committed.properties"))) {
            p.load(in);
        }
        return p;
    }
}
