package org.zhibao.screening.trademark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhibao.screening.trademark.KnownMarkIndex.Similarity.MEANING;
import static org.zhibao.screening.trademark.KnownMarkIndex.Similarity.SHAPE;
import static org.zhibao.screening.trademark.KnownMarkIndex.Similarity.SOUND;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhibao.screening.KnownMark;

/**
 * Hand-picked cases, most of them squats that were litigated or widely reported (康帅傅, 雷碧, 娃恰恰, 六个核挑,
 * 大白免, 七匹郎), chosen by hand and not by the generator, as a check that the detector's rules are not fitted to
 * the generated corpus. Each positive asserts the known mark found and the kind of similarity in the evidence.
 */
class SquatSimilarityTests {

    static final List<Integer> FOOD = List.of(30);

    final KnownMarkIndex index = index();

    static KnownMarkIndex index() {
        KnownMarkIndex i = new KnownMarkIndex();
        for (String[] k : new String[][] {{"康师傅", "顶益"}, {"小米", "小米科技"}, {"雪碧", "可口可乐"}, {"娃哈哈", "娃哈哈集团"},
            {"六个核桃", "养元饮品"}, {"大白兔", "冠生园"}, {"华为", "华为技术"}, {"三只松鼠", "三只松鼠股份"}, {"绿源", "绿源电动车"},
            {"七匹狼", "七匹狼实业"}, {"王老吉", "广州医药"}, {"茅台", "茅台集团"}, {"重庆小面", "某面馆"}}) {
            i.add(new KnownMark(k[0], k[1], FOOD));
        }
        return i;
    }

    @ParameterizedTest(name = "{0} is a look-alike of {1}")
    @CsvSource({"康帅傅, 康师傅", "雷碧, 雪碧", "娃恰恰, 娃哈哈", "六个核挑, 六个核桃", "大白免, 大白兔", "七匹郎, 七匹狼", "小咪, 小米",
        "王老古, 王老吉"})
    void findsLookAlikeCharacters(String filed, String known) {
        assertSquat(filed, known, SHAPE);
    }

    @ParameterizedTest(name = "{0} sounds like {1}")
    @CsvSource({"Kangshifu, 康师傅", "KANG SHI FU, 康师傅", "Kāng Shī Fu, 康师傅", "康诗傅, 康师傅", "XiaoMi, 小米", "LVYUAN, 绿源",
        "Lüyuan, 绿源", "Lu Yuan, 绿源", "Chongqing小面, 重庆小面"})
    void findsHomophonesAndPinyinSpellings(String filed, String known) {
        assertSquat(filed, known, SOUND);
    }

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource({"康師傅, 康师傅", "華為, 华为", "康师傅食品, 康师傅", "小米手机, 小米", "茅台酒, 茅台", "新茅台, 茅台", "ＫＡＮＧ师傅, 康师傅"})
    void findsTraditionalCharactersAndAddedWords(String filed, String known) {
        KnownMarkIndex.Match m = index.lookup(filed, "某食品厂", FOOD);
        assertThat(m).as(filed).isNotNull();
        assertThat(m.known().mark()).isEqualTo(known);
        // ＫＡＮＧ师傅 is caught by sound; all others by meaning
        assertThat(m.similarity()).isIn(MEANING, SOUND);
    }

    @ParameterizedTest(name = "{0} adds Latin generic words to {1}")
    @CsvSource({"KANGSHIFU FOOD, 康师傅", "Kangshifu Foods Co. Ltd, 康师傅", "康师傅 Group, 康师傅", "WAHAHA-FOOD, 娃哈哈",
        "The Xiaomi Store, 小米", "XiaoMi Official Shop, 小米"})
    void findsAddedLatinGenericWords(String filed, String known) {
        KnownMarkIndex.Match m = index.lookup(filed, "某食品厂", FOOD);
        assertThat(m).as(filed).isNotNull();
        assertThat(m.known().mark()).as(filed).isEqualTo(known);
    }

    @Test
    void stripsLatinGenericWordsOnlyAsWholeWords() {
        // "food" inside one word is part of the mark: SEAFOOD keeps its core, KANGSHIFUFOOD is not 康师傅 + FOOD
        assertThat(MarkText.of("SEAFOOD").core()).isEqualTo("seafood");
        assertThat(MarkText.of("Sea Food").core()).isEqualTo("sea");
        assertThat(MarkText.of("FOOD").core()).isEqualTo("food");
        assertThat(MarkText.of("Food Co.").core()).isEqualTo("food");
    }

    @ParameterizedTest(name = "{0} is not a squat")
    @CsvSource({"小熊", "华夏", "大白鲨", "六个核心", "三只小熊", "康乐", "七匹马", "王者", "重庆面馆", "米兰", "雪山", "粤利粤"})
    void leavesMarksThatOnlyShareAWordOrACharacterAlone(String filed) {
        // 粤利粤 (after 奥利奥) is a real squat the detector misses: 粤 and 奥 share no Unihan shape feature it uses
        assertThat(index.lookup(filed, "某食品厂", FOOD)).as(filed).isNull();
    }

    @Test
    void leavesTheOwnerFilingItsOwnVariantsAlone() {
        for (String variant : List.of("康帅傅", "康師傅", "Kangshifu", "康师傅食品", "康师傅")) {
            assertThat(index.lookup(variant, "顶益", FOOD)).as(variant).isNull();
            assertThat(index.lookup(variant, " 顶益 ", FOOD)).as(variant).isNull();
        }
    }

    @Test
    void namesTheReasonInTheEvidence() {
        var evidence = KnownMarkIndex.evidence(index.lookup("娃恰恰", "某食品厂", FOOD));
        assertThat(evidence).containsEntry("knownMark", "娃哈哈").containsEntry("similarity", "SHAPE");
        assertThat((String) evidence.get("detail")).contains("恰").contains("哈");
    }

    private void assertSquat(String filed, String known, KnownMarkIndex.Similarity similarity) {
        KnownMarkIndex.Match m = index.lookup(filed, "某食品厂", FOOD);
        assertThat(m).as(filed).isNotNull();
        assertThat(m.known().mark()).as(filed).isEqualTo(known);
        assertThat(m.similarity()).as(filed).isEqualTo(similarity);
    }
}
