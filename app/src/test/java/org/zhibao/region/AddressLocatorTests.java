package org.zhibao.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses as applicants write them, against the real division dataset. */
class AddressLocatorTests {

    static final Regions REGIONS = new Regions();

    static String locate(String address) {
        return REGIONS.locate(address).map(RegionCode::value).orElse(null);
    }

    @Test
    void walksProvincePrefectureAndCounty() {
        assertThat(locate("湖北省武汉市洪山区文三路１０１号８F-８６０室")).isEqualTo("420111");
        assertThat(locate("浙江杭州西湖区文三路90号")).isEqualTo("330106");
    }

    @Test
    void findsThePrefectureWhenTheProvinceIsLeftOut() {
        assertThat(locate("西安市雁塔区人民路１３５号五层５１９")).isEqualTo("610113");
        assertThat(locate("西安雁塔区人民路135号")).isEqualTo("610113");
    }

    @Test
    void stopsAtTheDeepestLevelTheAddressNames() {
        assertThat(locate("苏州市工业园区华阳路370号8楼1448室")).isEqualTo("320500");
        assertThat(locate("四川省成都市高新区建设路491号")).isEqualTo("510100");
    }

    @Test
    void readsMunicipalitiesThroughTheirUnnamedLevel() {
        assertThat(locate("上海市浦东新区新华路483号")).isEqualTo("310115");
        assertThat(locate("北京市朝阳区建国路1号")).isEqualTo("110105");
    }

    @Test
    void refusesToGuessBetweenCountiesOfTheSameName() {
        // 朝阳区 is in Beijing and in Changchun; 西湖区 in Hangzhou and in Nanchang
        assertThat(locate("朝阳区建国路1号")).isNull();
        assertThat(locate("江西省南昌市西湖区")).isEqualTo("360103");
    }

    @Test
    void answersNothingForAnAddressWithoutARegion() {
        assertThat(locate("")).isNull();
        assertThat(locate(null)).isNull();
        assertThat(locate("Room 5, 1 Main Street")).isNull();
    }
}
