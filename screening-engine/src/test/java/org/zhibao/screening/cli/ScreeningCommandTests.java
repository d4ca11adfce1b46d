package org.zhibao.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Rule;

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
                patent("CN1", ABSTRACT, "甲", "13800000001"),
                "{not json",
                patent("CN2", ABSTRACT.replace("获取", "获得").replace("提高", "提升"), "乙", "13800000002"),
                patent("CN3", "本发明涉及一种车辆座椅调节装置，包括滑轨、电机和控制器，控制器根据乘员体重自动调节座椅高度。", "丙", "13800000003")));
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

    @Test
    void refusesWrongArgumentsWithUsageAndStatusTwo() {
        assertThat(ScreeningCommand.run(new String[] {"patents", "--input", "x.jsonl"})).isEqualTo(2);
        assertThat(ScreeningCommand.run(new String[] {"trademarks", "--input", "a", "--output", "b"})).isEqualTo(2);
        assertThat(ScreeningCommand.run(new String[] {"frobnicate"})).isEqualTo(2);
    }
}
