package org.zhibao.screening.trademark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhibao.screening.KnownMark;

class KnownMarkIndexTests {

    final KnownMarkIndex index = index();

    static KnownMarkIndex index() {
        KnownMarkIndex i = new KnownMarkIndex();
        i.add(new KnownMark("康师傅", "顶益公司", List.of(30)));
        i.add(new KnownMark("雪碧", "可口可乐公司", List.of(32)));
        return i;
    }

    @Test
    void findsALookAlikeCharacter() {
        var m = index.lookup("康帅傅", "某食品厂", List.of(30));
        assertThat(m.similarity()).isEqualTo(KnownMarkIndex.Similarity.SHAPE);
        assertThat(m.known().mark()).isEqualTo("康师傅");
    }

    @Test
    void findsTheSoundInPinyinAndHomophones() {
        assertThat(index.lookup("KangShiFu", "某食品厂", List.of(30)).similarity()).isEqualTo(KnownMarkIndex.Similarity.SOUND);
        assertThat(index.lookup("康诗傅", "某食品厂", List.of(30)).similarity()).isIn(KnownMarkIndex.Similarity.SOUND,
                KnownMarkIndex.Similarity.SHAPE);
    }

    @Test
    void findsTraditionalCharactersAndAddedGenericWords() {
        assertThat(index.lookup("康師傅", "某食品厂", List.of(30)).similarity()).isEqualTo(KnownMarkIndex.Similarity.MEANING);
        assertThat(index.lookup("康师傅牌", "某食品厂", List.of(30)).similarity()).isEqualTo(KnownMarkIndex.Similarity.MEANING);
    }

    @Test
    void leavesTheOwnerAndUnrelatedClassesAlone() {
        assertThat(index.lookup("康师傅", "顶益公司", List.of(30))).isNull();
        assertThat(index.lookup("康师傅", "某机械厂", List.of(7))).isNull();
    }
}
