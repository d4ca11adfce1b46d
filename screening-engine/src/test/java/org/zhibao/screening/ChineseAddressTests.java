package org.zhibao.screening;

import static org.assertj.core.api.Assertions.assertThat;

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
}
