package org.zhibao.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTextTests {

    @Test
    void foldsFullWidthLettersAndDigitsToHalfWidth() {
        assertThat(ChineseText.normalize(" ＡＢＣ１２３，装置 ")).isEqualTo("ABC123,装置");
    }

    @Test
    void treatsMissingTextAsEmpty() {
        assertThat(ChineseText.normalize(null)).isEmpty();
    }
}
