package org.zhibao.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HanziTests {

    @Test
    void foldsTraditionalToSimplifiedAndKnowsPinyin() {
        assertThat(ChineseText.fold("康師傅")).isEqualTo("康师傅");
        assertThat(Hanzi.pinyin('师')).isEqualTo("shi");
        assertThat(Hanzi.pinyin('師')).isEqualTo("shi");
    }

    @Test
    void findsLookAlikeCharactersInUnihanData() {
        assertThat(Hanzi.looksAlike('师', '帅')).isTrue();
        assertThat(Hanzi.looksAlike('师', '水')).isFalse();
    }

    @Test
    void contentDropsPunctuationAndHidesNumbersButKeepsPositions() {
        var c = ChineseText.content("包括：3个模块");
        assertThat(c.text()).isEqualTo("包括0个模块");
        assertThat(c.originalStart(2)).isEqualTo(3);
    }
}
