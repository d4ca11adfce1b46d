package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Shingler;
import org.zhibao.screening.Jsonl;

class SharedPassagesTests {

    static PatentRecord record(String no, String title, String abstractText, String claims) {
        return Jsonl.parsePatent("{\"applicationNo\":\"" + no + "\",\"kind\":\"INVENTION\",\"title\":\"" + title
                + "\",\"abstract\":\"" + abstractText + "\",\"claims\":\"" + claims + "\"}");
    }

    @Test
    void anIdenticalCopyIsSharedFieldByFieldAndWhole() {
        PatentRecord a = record("A", "一种基于边缘计算的数据同步方法", "本发明公开了一种数据同步方法，包括采集数据并压缩后上传至边缘节点。",
                "1.一种数据同步方法，其特征在于，包括以下步骤：采集数据；压缩数据；上传至边缘节点。");
        PatentRecord b = record("B", a.title(), a.abstractText(), a.claims());
        ContentProfile pa = ContentProfile.of(a, Shingler.standard());
        ContentProfile pb = ContentProfile.of(b, Shingler.standard());
        List<Map<String, Object>> passages = SharedPassages.between(a, pa, b, pb, 10);
        assertThat(passages).extracting(p -> (String) ((Map<?, ?>) p.get("A")).get("field"))
                .containsExactlyInAnyOrder("title", "abstract", "claims");
        for (Map<String, Object> p : passages) {
            Map<?, ?> at = (Map<?, ?>) p.get("A");
            String field = (String) at.get("field");
            String original = field.equals("title") ? a.title() : field.equals("abstract") ? a.abstractText() : a.claims();
            // each passage covers its whole field (but for punctuation at the very end)
            assertThat((Integer) at.get("start")).isZero();
            assertThat((Integer) at.get("end")).isGreaterThanOrEqualTo(original.length() - 1);
            assertThat(p.get("B")).isEqualTo(at);
        }
    }
}
