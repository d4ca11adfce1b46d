package org.zhibao.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChineseAddressTests {

    @Test
    void readsOneAddressWrittenThreeWaysAsOnePlace() {
        var a = ChineseAddress.parse("浙江省杭州市西湖区文三路90号3楼301室");
        var b = ChineseAddress.parse("杭州西湖区文三路９０号三层301");
        var c = ChineseAddress.parse("杭州市文三路90号3F-301");
        assertThat(a.samePlaceAs(b)).isTrue();
        assertThat(a.samePlaceAs(c)).isTrue();
        assertThat(a.streetKey()).isEqualTo("文3路90号3F301");
    }

    @Test
    void keepsNeighboursInOneBuildingApart() {
        var a = ChineseAddress.parse("杭州市西湖区文三路90号3楼301室");
        var b = ChineseAddress.parse("杭州市西湖区文三路90号3楼302室");
        assertThat(a.samePlaceAs(b)).isFalse();
    }

    @Test
    void doesNotJoinTheSameStreetInTwoCities() {
        var a = ChineseAddress.parse("南京市江宁区中山路1号5楼501室");
        var b = ChineseAddress.parse("广州市天河区中山路1号5楼501室");
        assertThat(a.samePlaceAs(b)).isFalse();
    }

    @Test
    void theStreetKeyIsWhatTheRegularExpressionsItReplacedGave() {
        List<String> streets = new ArrayList<>(List.of("文三路90号3楼301室", "文三路９０号三层301", "文三路90号3F-301",
                "中山路1号5楼501室", "金融街263号25f2036", "和平路559号7楼1085室", "科技园3号楼12层1203", "第二工业区8栋3楼",
                "5幢2单元301户", "A座1001房", "12号楼号", "3楼号", "3室室", "3f3f", "3-栋", "二十三号", "一百零五号楼",
                "十号", "两栋", "〇一室", "#5/6\\7~8—9–10", "光谷大道84号8楼902室", "", "楼", "3", "号楼3", "7号楼楼"));
        String alphabet = "0123456789一二三十百两零〇第楼层f室房户号栋幢座-—–~#/\\路街A";
        Random random = new Random(7);
        for (int k = 0; k < 20000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            streets.add(b.toString());
        }
        for (String street : streets) {
            assertThat(ChineseAddress.streetKey(street)).as(street).isEqualTo(regularStreetKey(street));
        }
    }

    // the regular expressions of the first version, kept as the reference of the hand-written passes
    private static final Pattern CHINESE_NUMBER = Pattern.compile("[零〇一二三四五六七八九十百两]+");
    private static final Pattern FLOOR = Pattern.compile("(\\d+)(?:楼|层|f)(?!号)");
    private static final Pattern ROOM = Pattern.compile("(\\d+)(?:室|房|户)");
    private static final Pattern BUILDING = Pattern.compile("(\\d+)(?:号楼|栋|幢|座)");
    private static final Pattern SEPARATORS = Pattern.compile("[-—–~#/\\\\]");

    private static String regularStreetKey(String s) {
        Matcher m = CHINESE_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, ChineseAddress.arabic(m.group()));
        }
        m.appendTail(out);
        s = out.toString().replace("第", "");
        s = FLOOR.matcher(s).replaceAll("$1F");
        s = ROOM.matcher(s).replaceAll("$1");
        s = BUILDING.matcher(s).replaceAll("B$1");
        return SEPARATORS.matcher(s).replaceAll("");
    }
}
